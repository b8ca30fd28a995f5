package matchers

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// lexicon is the context vocabulary of lexicon.yaml.
type lexicon struct {
	Indicators []struct {
		ID    string   `yaml:"id"`
		Label string   `yaml:"label"`
		Terms []string `yaml:"terms"`
		// DestinationTerms: delivery guarantees that are the indicator
		// only when they name a destination of destinations.yaml ("safe
		// delivery to USA"), not on their own ("Fast delivery
		// guaranteed"; destination.go).
		DestinationTerms []string `yaml:"destination_terms"`
		// ClearanceTerms: the seller clearing customs for the buyer
		// ("customs cleared by us"): like DestinationTerms, but the
		// place may stand in the clause before ("Door to door to Mexico,
		// customs cleared by us").
		ClearanceTerms []string `yaml:"clearance_terms"`
		// BlockAfter: a term followed by one of these is no indicator
		// ("shipped as dangerous goods").
		BlockAfter []string `yaml:"block_after"`
		// BlockBefore: a term right after one of these (within a few
		// words) is no indicator ("not sold without prescription").
		BlockBefore []string `yaml:"block_before"`
		// BlockBeforeSentence: like BlockBefore, but across commas: a
		// term up to 40 bytes after one of these in the same sentence is
		// no indicator, unless the word is itself denied ("Free returns
		// within 30 days, no questions asked" is a returns policy; "no
		// returns, no questions asked" is not).
		BlockBeforeSentence []string `yaml:"block_before_sentence"`
		// BlockNear: a term followed by one of these later in the same
		// sentence, within 40 bytes, is no indicator ("Recipe included:
		// almond cookies!" is a baking recipe).
		BlockNear []string `yaml:"block_near"`
		// Cut: names that are terms also when cut by spaces at any places
		// between their letters ("Teleg ram", "Th r e e m a"): a seller
		// writes around a filter with cuts no list can enumerate.
		Cut []string `yaml:"cut"`
	} `yaml:"indicators"`
	Negation struct {
		Before     []string `yaml:"before"`
		Immediate  []string `yaml:"immediate"`
		After      []string `yaml:"after"`
		AfterBlock []string `yaml:"after_block"`
		Connectors []string `yaml:"connectors"`
		// TradeVerbs: verbs a "we do not sell" cue may coordinate before
		// the names it denies ("we do not sell or ship ephedrine").
		TradeVerbs []string `yaml:"trade_verbs"`
		Filler     []string `yaml:"filler"`
		// ListHead: headers that deny the list after their colon ("NOT
		// available: ephedrine, safrole", "Discontinued: …"), only at the
		// start of a line or sentence (match.go headCue).
		ListHead []string `yaml:"list_head"`
	} `yaml:"negation"`
	ChemicalContext []string `yaml:"chemical_context"`
	ChemicalForm    []string `yaml:"chemical_form"`
	DosageForms     []string `yaml:"dosage_forms"`
	Bulk            []string `yaml:"bulk"`
	Licensed        []string `yaml:"licensed"`
	NotSubstance    []string `yaml:"not_substance"`
	NonOffer        []string `yaml:"non_offer"`
	// NonOfferAuthority: report words that only name an authority (police,
	// customs, a ministry, an agency). They count as report words beside
	// another one ("police seized …") but never make a report on their
	// own: an offer says "customs no problem" or "Douane : aucun souci".
	NonOfferAuthority []string `yaml:"non_offer_authority"`
	// NonOfferVerbs: more report words (kept apart to document round 16).
	NonOfferVerbs []string `yaml:"non_offer_verbs"`
	// NonOfferRules are questions whether a ban or the rules apply, and
	// explainers of what the law says: report words like NonOffer.
	NonOfferRules []string `yaml:"non_offer_rules"`
	// Services are nouns of a service a title offers (consulting,
	// training, disposal); Goods are words of a sale or delivery of goods.
	// A service title names the chemicals it works with unless the
	// listing also sells them (match.go fill).
	Services   []string `yaml:"services"`
	Goods      []string `yaml:"goods"`
	Offer      []string `yaml:"offer"`
	OfferWeak  []string `yaml:"offer_weak"`
	Exclusions []string `yaml:"exclusions"`
	// Media are words of a recording (album, vinyl record, tracklist): a
	// listing that sells one names substances as the names of bands and
	// records (match.go fill).
	Media []string `yaml:"media"`
	// Documents are names of a document about a chemical (certificate of
	// analysis, safety data sheet): a title that opens with one as its
	// heading ("Certificate of Analysis – Phenylacetic acid") is that
	// document, which names the substance without offering it unless the
	// listing also gives a price, a contact, an offer word or a risk
	// indicator (match.go fill).
	Documents []string `yaml:"documents"`
	// Paperwork: licence nouns and the cues that deny them.
	Paperwork struct {
		Nouns  []string `yaml:"nouns"`
		Before []string `yaml:"before"`
		After  []string `yaml:"after"`
		// PackagingNouns: what a parcel normally shows (sender, label,
		// logo, product name, a description of the contents). One denied
		// by a paperwork "before" cue or a PackagingBefore cue ("ohne
		// Absender", "zonder afzender", "不写品名"), or followed by a
		// PackagingAfter cue ("差出人なし", "etiket yok"), is the
		// stealth-packaging indicator in any wording.
		PackagingNouns  []string `yaml:"packaging_nouns"`
		PackagingBefore []string `yaml:"packaging_before"`
		PackagingAfter  []string `yaml:"packaging_after"`
	} `yaml:"paperwork"`
	// Composition: cues that make a mention a statement about what a
	// product contains ("safrole-reduced", "low in safrole"), not an offer
	// of the substance.
	Composition struct {
		Before []string `yaml:"before"`
		After  []string `yaml:"after"`
		// Process: cues of how a product is made, before a mention in the
		// same clause ("manufactured from safrole", "produced by
		// acetylation with acetic anhydride"): the substance is what the
		// product is made from, not what is offered.
		Process []string `yaml:"process"`
		// Wanted: buy-request cues ("WTB", "looking to buy", "suche",
		// "куплю"): a mention a few words after one, in the same sentence
		// and not turned into a question ("Looking to buy PMK? We have
		// it"), is asked for, not offered.
		Wanted []string `yaml:"wanted"`
		// WantedAfter: buy-request cues of languages that put them after
		// the noun ("エフェドリン求む", "efedrin alınır", "Aceton gesucht"):
		// a mention right before one (a quantity between allowed) is
		// wanted.
		WantedAfter []string `yaml:"wanted_after"`
		// WantedQuestion: buy requests asked as a question ("who sells",
		// "anyone selling", "where can I buy"): like Wanted, but the
		// question mark after the mention is the request's own.
		WantedQuestion []string `yaml:"wanted_question"`
		// List: cues that open a list of a blend's constituents or notes
		// ("natural constituents include", "heart notes:"): every mention
		// after one, to the end of its sentence (commas and colons do not
		// end it), names a component, not an offer.
		List []string `yaml:"list"`
	} `yaml:"composition"`
	// Payment: non-crypto payment methods, and the cues that make a
	// crypto payment the only one ("BTC only", "nur Bitcoin"). The policy's
	// indicator is crypto-ONLY payment: crypto among other methods is none.
	Payment struct {
		Fiat []string `yaml:"fiat"`
		Only []string `yaml:"only"`
	} `yaml:"payment"`
	// BulkUnits: units of quantity and the amount from which it is bulk.
	BulkUnits map[string]float64 `yaml:"bulk_units"`
	// IndicatorNegation: cues that deny a risk indicator ("we do not ship
	// discreetly", "no Telegram"). Before cues reach a few words in the same
	// clause, immediate cues only the next word; a gap holding an except
	// word ("do not hesitate to contact us on WhatsApp") denies nothing.
	IndicatorNegation struct {
		Before    []string `yaml:"before"`
		Immediate []string `yaml:"immediate"`
		Except    []string `yaml:"except"`
		// After: refusals that deny the indicator phrase right before
		// them in the same sentence ("label as gift – we cannot do that").
		After []string `yaml:"after"`
		// Unavailable: "not available / not possible" said of the phrase
		// right before it, with nothing but spaces, punctuation or a
		// topic particle between ("匿名配送不可", "stealth shipping: not
		// available").
		Unavailable []string `yaml:"unavailable"`
		// Warning: scam-warning cues of marketplace safety tips
		// ("scammers often ask to move to WhatsApp or Telegram"): an
		// indicator phrase at most 120 bytes after one, in the same
		// clause, warns buyers against it and is no indicator of the offer.
		Warning []string `yaml:"warning"`
		// WarningAfter: the same cues of verb-final languages, said after
		// the phrase in the same sentence ("LINEやTelegramへの誘導にはご注意
		// ください", "…或使用虚拟货币付款，请提高警惕").
		WarningAfter []string `yaml:"warning_after"`
		// Mention: cues that name a quoted indicator phrase rather than
		// say it ("promises of 'guaranteed customs clearance'", "phrases
		// like 'stealth shipping'"; mention.go).
		Mention []string `yaml:"mention"`
		// Share: share-bar cues ("Share: Facebook | WhatsApp"); a
		// messenger named right after one on the same line is a share
		// button, no contact.
		Share []string `yaml:"share"`
	} `yaml:"indicator_negation"`
	// IndicatorFrames: indicators said in two parts, a word of First and,
	// at most Within bytes after it in the same sentence, a word of Second
	// ("if customs stop the parcel we resend for free", "the invoice will
	// say 'cleaning solvent'").
	IndicatorFrames []struct {
		Indicator string   `yaml:"indicator"`
		First     []string `yaml:"first"`
		Second    []string `yaml:"second"`
		Within    int      `yaml:"within"`
		// Negated: an indicator-negation or paperwork-denial cue (not, no,
		// without, ohne, sin, без, 无需 …) counts as a second part too:
		// "customs won't open it", "sin pasar revisión", "таможня не
		// вскрывает" (a control noun denied).
		Negated bool `yaml:"negated"`
		// Block: words that, between the two parts or up to 24 bytes
		// after the frame in the same sentence, clear it ("customs duties
		// not included", "the invoice shows product name and CAS").
		Block []string `yaml:"block"`
		// Substance: a watchlist substance named at most Within bytes
		// from a word of First, in the same sentence, is a second part
		// too, when the listing names two substances or more: a reaction
		// word next to the partner reagent ("condenses cleanly with
		// benzaldehyde", "pairs with our iodine for the reduction").
		Substance bool `yaml:"substance"`
		// Quoted: a quoted name at most Within bytes after a word of First,
		// in the same sentence, is a second part too ("im Frachtbrief
		// heißt es dann 'Batteriewasser'", "快递单上填'香水'"); a quote
		// holding a substance the listing names elsewhere is its true
		// name and no indicator (namesOwnProduct).
		Quoted bool `yaml:"quoted"`
		// Handle: a bare "@handle" (not an e-mail) at most Within bytes
		// after a word of First, in the same sentence, is a second part
		// too ("Add me on Wire: @gbl_supply", "Liên hệ qua Tele: @…").
		Handle bool `yaml:"handle"`
		// Number: with Handle, a phone number ("+44 555 0190": a plus or
		// a digit, then eight digits or more) closes the frame too ("Add
		// me on the green app: +44 …").
		Number bool `yaml:"number"`
		// Bare: a single unquoted word right after the first part that
		// ends its clause closes the frame too ("Auf der Rechnung steht
		// Duftöl."), unless it is one of Stop (articles, "alles", "fest")
		// or names a substance of the listing (namesOwnProduct).
		Bare bool     `yaml:"bare"`
		Stop []string `yaml:"stop"`
		// Own: the frame's parts pair only with each other. Without it the
		// first parts of the plain frames of one indicator pair with the
		// second parts of any of them; a frame of common words ("als",
		// "olarak") would pair with another frame's nouns ("Paket …
		// deklariert").
		Own bool `yaml:"own"`
		// Clause: the two parts stand in one clause (no comma, colon or
		// bracket between), not only in one sentence: "Verwendung als
		// Reinigungsmittel, UN1090 deklariert" is no "als … deklariert".
		Clause bool `yaml:"clause"`
	} `yaml:"indicator_frames"`
}

func loadLexicon() (*lexicon, error) { return loadEmbeddedYAML[lexicon]("lexicon.yaml") }

// loadEmbeddedYAML decodes the embedded data file name (lexicon.yaml,
// destinations.yaml) into a T, refusing fields T does not know.
func loadEmbeddedYAML[T any](name string) (*T, error) {
	data, err := builtin.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var v T
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &v, nil
}
