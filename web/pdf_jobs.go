package web

import (
	"context"
	"sync"
	"time"
)

// pdfJobs are the PDFs being made. A PDF takes seconds and the printer
// makes one or two at a time (document.Printer), so a request starts the
// job, waits a moment for it, and else tells the person it is being made:
// the job goes on without the request, and a request for the same PDF
// later finds it running, or done and in the cache.
type pdfJobs struct {
	mu      sync.Mutex
	running map[pageKey]*pdfJob
	// failed holds when each PDF last failed, so that the waiting page,
	// asking how its PDF goes, hears that it failed rather than starting
	// it again and again; a request for the PDF itself tries anew.
	failed map[pageKey]time.Time
}

// pdfFailureKept is how long a failure is told to those who ask.
const pdfFailureKept = time.Minute

type pdfJob struct {
	done chan struct{}
	pdf  []byte
	err  error
}

// pdfJobTimeout limits a job, waiting for its turn included.
const pdfJobTimeout = 5 * time.Minute

// start returns the job that makes the PDF of key, and starts it with
// print where none runs. When print succeeds, keep keeps what it made.
func (j *pdfJobs) start(key pageKey, print func(ctx context.Context) ([]byte, error), keep func([]byte)) *pdfJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	if job, ok := j.running[key]; ok {
		return job
	}
	if j.running == nil {
		j.running = map[pageKey]*pdfJob{}
	}
	job := &pdfJob{done: make(chan struct{})}
	j.running[key] = job
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), pdfJobTimeout)
		defer cancel()
		job.pdf, job.err = print(ctx)
		if job.err == nil {
			keep(job.pdf)
		}
		j.mu.Lock()
		delete(j.running, key)
		if job.err != nil {
			if j.failed == nil {
				j.failed = map[pageKey]time.Time{}
			}
			j.failed[key] = time.Now()
		} else {
			delete(j.failed, key)
		}
		j.mu.Unlock()
		close(job.done)
	}()
	return job
}

// running returns the job for key under way, or nil.
func (j *pdfJobs) runningJob(key pageKey) *pdfJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.running[key]
}

// failedRecently reports whether the PDF of key failed within the last
// minute, and forgets failures older than that.
func (j *pdfJobs) failedRecently(key pageKey) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	for k, at := range j.failed {
		if time.Since(at) > pdfFailureKept {
			delete(j.failed, k)
		}
	}
	_, ok := j.failed[key]
	return ok
}
