// Package corpus writes synthetic security reports, modelled on the real
// ones (sections, ratings, indicators, dates, contacts, links) with some
// planted problems, for benchmarks and load tests. The same seed gives the
// same report.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	sections = []string{
		"Crime", "Kidnapping Threat", "Terrorism", "Political Violence and Civil Unrest",
		"Elections/Political Stability", "Protests & Demonstrations", "Law Enforcement",
		"Police Response", "Transportation Safety", "Health", "Natural Disasters",
		"Cybersecurity", "Import/Export Restrictions",
	}
	levels    = []string{"LOW", "MEDIUM", "HIGH", "CRITICAL"}
	months    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	places    = []string{"the capital", "the northern region", "border areas", "the coast", "central districts", "rural roads"}
	subjects  = []string{"Armed groups", "Criminal networks", "Protesters", "Security forces", "Bandits", "Militants"}
	verbs     = []string{"attacked", "targeted", "blocked", "occupied", "raided", "threatened"}
	objects   = []string{"checkpoints", "markets", "convoys", "hotels", "government offices", "aid workers"}
	fillers   = []string{"Travelers should remain vigilant and avoid large gatherings.", "Local authorities have limited capacity to respond.", "Roads are often poorly lit and travel at night is dangerous.", "Residents report frequent disruptions to services.", "Visitors should keep travel documents up to date."}
	countries = []string{"Ghana", "Kenya", "Niger", "Chad", "Peru", "Nepal"}
)

// Options shape a generated report.
type Options struct {
	Size    int    // approximate size in bytes
	Country string // empty: chosen by the seed
	// Problems plants the kinds of problem the rules look for: mixed quotes
	// and dashes, a broken paragraph, a placeholder link, undated claims.
	Problems bool
	// Markdown writes the report as Markdown: "#" for the title and "##"
	// for each section, the rest unchanged.
	Markdown bool
	// RealProse adds to each section a paragraph of what real reports hold
	// and the rest of the corpus lacks, which made it cheaper to check than
	// they are: names of the watch list told as history, acronyms spelled
	// out, words holding a watched name's first word ("until", "country",
	// "cooperation"), and many dates in one paragraph. It draws on its own
	// random numbers, so the rest of the report is as without it.
	RealProse bool
}

var (
	// history tells of watch-list names as the past, as real reports do:
	// each is a name the stale-term rule reads and, told so, leaves be.
	history = []string{
		"MINUSMA completed its withdrawal in %s, and the cooperation of regional forces continued until %s.",
		"France ended Operation Barkhane in %s; the country's forces left Gao until further notice.",
		"The G5 Sahel Joint Force was dissolved in %s, after its members withdrew in %s.",
		"Before %s, the platform formerly known as Twitter carried the embassy's alerts; the community now uses other channels.",
		"The EU Training Mission in Mali ended its mandate in %s, and unit cooperation ceased until %s.",
	}
	acronyms = []string{
		"Jama'at Nusrat al-Islam wal-Muslimin (JNIM) and Islamic State Sahel Province (ISSP) remain active, and the U.N. and several NGOs report IED attacks on the RN%d highway.",
		"The Economic Community of West African States (ECOWAS) and the African Union (AU) met in %s; UNHCR counted IDPs in the ECOWAS region.",
		"Al-Qa'ida in the Islamic Maghreb (AQIM) claimed the attack; the UNDSS and OCHA advised NGOs to limit road movements near the RN%d.",
	}
)

// realProse is one paragraph of RealProse: a name told as history, a
// sentence of acronyms, and dated events, 4 to 8 dates, before publication.
func realProse(r *rand.Rand, year, month int) string {
	date := func() string {
		back := year*12 + month - 1 - r.IntN(30)
		switch r.IntN(3) {
		case 0:
			return fmt.Sprintf("%d %s %d", 1+r.IntN(28), months[back%12], back/12)
		case 1:
			return fmt.Sprintf("%s %d, %d", months[back%12], 1+r.IntN(28), back/12)
		}
		return fmt.Sprintf("%s %d", months[back%12], back/12)
	}
	fill := func(f string) string {
		switch {
		case strings.Contains(f, "%s"):
			args := make([]any, strings.Count(f, "%s"))
			for i := range args {
				args[i] = date()
			}
			return fmt.Sprintf(f, args...)
		case strings.Contains(f, "%d"):
			return fmt.Sprintf(f, 1+r.IntN(20))
		}
		return f
	}
	para := []string{fill(history[r.IntN(len(history))]), fill(acronyms[r.IntN(len(acronyms))])}
	dates := make([]string, 3+r.IntN(4))
	for i := range dates {
		dates[i] = date()
	}
	para = append(para,
		fmt.Sprintf("%s %s %s on %s, between %s and %s, and again on %s.", subjects[r.IntN(len(subjects))], verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))],
			strings.Join(dates[:len(dates)-3], ", "), dates[len(dates)-3], dates[len(dates)-2], dates[len(dates)-1]),
		fmt.Sprintf("Since %s, %d incidents were recorded in %s, according to local monitors.", date(), 10+r.IntN(900), places[r.IntN(len(places))]))
	return strings.Join(para, " ")
}

// Report writes one plain-text Country Security Report.
func Report(seed uint64, opt Options) string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	country := opt.Country
	if country == "" {
		country = countries[r.IntN(len(countries))]
	}
	year, month := 2020+r.IntN(5), r.IntN(12)
	h1, h2 := "", ""
	if opt.Markdown {
		h1, h2 = "# ", "## "
	}
	real := rand.New(rand.NewPCG(seed^0x5851f42d4c957f2d, seed))
	var b strings.Builder
	fmt.Fprintf(&b, "%sOSAC Country Security Report\n\n%s\n\nPublished: %s %d, %d\n\n", h1, country, months[month], 1+r.IntN(28), year)
	fmt.Fprintf(&b, "%sEmbassy & Consulate Contact Information\n\nU.S. Embassy %s:\n\nMain Road 12, %s.\n\nTel: +%d-20-555-%04d.\n\nHours of Operation: Monday-Thursday 0800 - 1700; Friday 0800 - 1200.\n\n",
		h2, country, country, 200+r.IntN(60), r.IntN(10000))
	fmt.Fprintf(&b, "%s%s Travel Advisory\n\nThe current U.S. Department of State Travel Advisory assesses %s at Level %d, indicating that travelers should reconsider travel due to crime and terrorism.\n\n", h2, country, country, 1+r.IntN(4))
	for i := 0; b.Len() < opt.Size || i < 3; i++ {
		title := sections[i%len(sections)]
		if i >= len(sections) {
			title = fmt.Sprintf("%s Annex %d", title, i/len(sections))
		}
		fmt.Fprintf(&b, "%s%s\n\n", h2, title)
		if i < 3 {
			cat := []string{"crime", "terrorism", "political violence"}[i]
			fmt.Fprintf(&b, "The U.S. Department of State has assessed the capital as being a **%s**-threat location for %s directed at or affecting official U.S. government interests.\n\n", levels[r.IntN(4)], cat)
		}
		for p := 0; p < 3+r.IntN(4); p++ {
			var para []string
			for s := 0; s < 2+r.IntN(4); s++ {
				switch r.IntN(4) {
				case 0:
					// Events come before publication, 1 to 30 months back, as
					// in a real report.
					back := year*12 + month - 1 - r.IntN(30)
					para = append(para, fmt.Sprintf("In %s %d, %s %s %s in %s.", months[back%12], back/12, strings.ToLower(subjects[r.IntN(len(subjects))]), verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))], places[r.IntN(len(places))]))
				case 1:
					para = append(para, fmt.Sprintf("According to local monitors, %d incidents were recorded in %d.", 10+r.IntN(900), year-1))
				default:
					para = append(para, fillers[r.IntN(len(fillers))])
				}
			}
			b.WriteString(strings.Join(para, " "))
			b.WriteString("\n\n")
		}
		if opt.RealProse {
			b.WriteString(realProse(real, year, month))
			b.WriteString("\n\n")
		}
		// Twice per report, about as often as the samples have such problems.
		if opt.Problems && (i == 1 || i == 6) {
			b.WriteString("Attacks have recently increased, and the \"curly\" quotes are “mixed” here; see the [toolkit](#). Hours are 0900 – 1700. The situation was reported near the\n\nborder crossing by residents.\n\n")
		}
	}
	return b.String()
}

// Edition writes a later edition of a report: some ratings move, a few
// sentences change, one section moves to the end.
func Edition(report string, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, seed+1))
	paras := strings.Split(report, "\n\n")
	for i, p := range paras {
		switch {
		case strings.Contains(p, "-threat location"):
			for _, l := range levels {
				if strings.Contains(p, "**"+l+"**") && r.IntN(2) == 0 {
					paras[i] = strings.Replace(p, "**"+l+"**", "**"+levels[r.IntN(4)]+"**", 1)
					break
				}
			}
		case len(p) > 80 && r.IntN(10) == 0:
			paras[i] = strings.Replace(p, " in ", " across ", 1) + " " + fillers[r.IntN(len(fillers))]
		}
	}
	return strings.Join(paras, "\n\n")
}
