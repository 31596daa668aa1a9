package scheme

// The catalogue's enumerations. Each is a typed string whose allowed values
// are listed in a package variable, in the order forms and facets show them;
// Validate rejects any other value, so the web layer can name every value in
// its message catalogues.

// Level is the level of government or reach a scheme belongs to.
type Level string

// The levels.
const (
	LevelLocal    Level = "local"
	LevelRegional Level = "regional"
	LevelNational Level = "national"
)

// Levels are the allowed levels.
var Levels = []Level{LevelLocal, LevelRegional, LevelNational}

// Kind is what form the support takes.
type Kind string

// The kinds.
const (
	KindGrant        Kind = "grant"
	KindLoan         Kind = "loan"
	KindGuarantee    Kind = "guarantee"
	KindAdvice       Kind = "advice"
	KindProgramme    Kind = "programme"
	KindTaxIncentive Kind = "tax-incentive"
)

// Kinds are the allowed kinds.
var Kinds = []Kind{KindGrant, KindLoan, KindGuarantee, KindAdvice, KindProgramme, KindTaxIncentive}

// Audience is who a scheme is for.
type Audience string

// The audiences.
const (
	AudienceStartups         Audience = "startups"
	AudienceSmallBusinesses  Audience = "small-businesses"
	AudienceGrowthBusinesses Audience = "growth-businesses"
	AudienceFarmers          Audience = "farmers"
	AudienceMunicipalities   Audience = "municipalities"
	AudienceHouseholds       Audience = "households"
	AudienceOrganisations    Audience = "organisations"
	AudienceResearch         Audience = "research"
)

// Audiences are the allowed audiences.
var Audiences = []Audience{
	AudienceStartups, AudienceSmallBusinesses, AudienceGrowthBusinesses, AudienceFarmers,
	AudienceMunicipalities, AudienceHouseholds, AudienceOrganisations, AudienceResearch,
}

// Stage is how far a business or project has come. A scheme with no stages
// listed is open to every stage.
type Stage string

// The stages.
const (
	StageIdea        Stage = "idea"
	StageStartup     Stage = "startup"
	StageGrowth      Stage = "growth"
	StageEstablished Stage = "established"
)

// Stages are the allowed stages.
var Stages = []Stage{StageIdea, StageStartup, StageGrowth, StageEstablished}

// Theme is what a scheme helps to do.
type Theme string

// The themes.
const (
	ThemeHousing         Theme = "housing"
	ThemeJobs            Theme = "jobs"
	ThemeCompetence      Theme = "competence"
	ThemeInnovation      Theme = "innovation"
	ThemeGreenTransition Theme = "green-transition"
	ThemeAgriculture     Theme = "agriculture"
	ThemeTourism         Theme = "tourism"
	ThemeCulture         Theme = "culture"
	ThemeResearch        Theme = "research"
	ThemeExport          Theme = "export"
	ThemeEnergy          Theme = "energy"
	ThemeInclusion       Theme = "inclusion"
	ThemePublicServices  Theme = "public-services"
)

// Themes are the allowed themes.
var Themes = []Theme{
	ThemeHousing, ThemeJobs, ThemeCompetence, ThemeInnovation, ThemeGreenTransition,
	ThemeAgriculture, ThemeTourism, ThemeCulture, ThemeResearch, ThemeExport,
	ThemeEnergy, ThemeInclusion, ThemePublicServices,
}

// Status says whether a scheme can be applied for.
type Status string

// The statuses. ClosedForNow is a scheme that will open again (a yearly
// round that has closed, money used up for the year); Discontinued has ended.
const (
	StatusOpen         Status = "open"
	StatusDiscontinued Status = "discontinued"
	StatusClosedForNow Status = "closed-for-now"
)

// Statuses are the allowed statuses.
var Statuses = []Status{StatusOpen, StatusDiscontinued, StatusClosedForNow}
