//! Quotations: QUOTE spans and their speakers.
//!
//! # Pairing marks
//!
//! Marks pair as `“…”` (and `”…”`, for texts that use `”` on both sides),
//! `„…“` or `„…”`, `«…»`, `「…」`, `『…』`, straight `"…"`, and single
//! `‘…’` or `'…'`. A QUOTE span **includes** its marks.
//!
//! * An opening mark has a word (or a mark) right after it; a closing mark
//!   has no space before it. For single marks the test is stricter, to
//!   tell apostrophes from quotation marks: an opening `'`/`‘` stands
//!   after a space (or an opening bracket or mark) before a letter, and a
//!   closing `'`/`’` stands right after a word or punctuation and is not
//!   followed by a letter. Apostrophes inside words (`don't`, `Jum'at`)
//!   are part of the word token anyway; `’s`, `90's` and `'90s` fail the
//!   tests.
//! * A quotation normally ends in its paragraph. It continues into the
//!   next paragraph only in the convention for long quotations: the
//!   paragraph has no closing mark and ends with `.`, `?`, `!`, `…` or
//!   `:`, and the next paragraph **starts** with the opening mark again;
//!   only the last paragraph closes. The whole stretch is one QUOTE.
//! * An opening mark followed by another opening mark of the same kind
//!   before any closing mark is stray and is skipped, and a mark with no
//!   partner in its paragraph yields nothing: an unbalanced mark never
//!   swallows the rest of the article.
//! * Quotations do not nest: the marks inside an accepted quotation (an
//!   inner `‘…’`) are skipped, so only the outer one is a QUOTE.
//!
//! Scanning is linear: every closing mark is found through a forward-only
//! cursor, the "next opening mark of the same kind" through a table built
//! in one backward pass, and a failed chain of paragraphs is not walked
//! twice.
//!
//! # Speech or term
//!
//! A quoted stretch is speech when a cue attributes it: a verb of saying
//! (see [`super::cues`]), `menurut` / `according to`, a statement noun, a
//! colon (after a name that opens a headline, even for capitalised words
//! with no sentence mark: `Menko Polkam Budi Gunawan: 'Situasi Keamanan
//! Terkendali'`), or a dash and a name after it (a title may come between; a
//! person's name that ends the line or the sentence, or has an appositive
//! after it, attributes even words that do not read as a sentence: `“This
//! is a scandal” – Labour MP Diane Abbott.`). What else decides:
//!
//! * A short quotation (one to three words; a run of Chinese, Japanese or
//!   Korean script counts one for every two characters) needs its cue
//!   right next to it,
//!   with only marks, a name, a pronoun or an article between (`“Tidak,”
//!   kata dia`, `said a “more general reflection”`), or handed to a cue
//!   up to six tokens on by the comma inside its marks, over no
//!   conjunction (`“I’m thrilled,” Ms. Okafor said`, `“Demand is weak,”
//!   analysts at Morgan Stanley wrote`, `“We’ll rebuild,” his wife,
//!   Karen, added`, in English `“Not guilty,” the jury’s foreman said`;
//!   in English, an appositive right before the cue with a person's name
//!   on one side of its first comma is not counted: `“We will respond,” the Iranian
//!   foreign minister, Abbas Araghchi, said`, `“Fire is spreading,”
//!   Robert Lee, the fire chief, said`), or, with a named speaker's verb
//!   of saying before it, closing the clause it governs (`menyampaikan
//!   bahwa pemerintah “terus memantau situasi”`, `menilai langkah itu
//!   “terlalu terburu-buru”`,
//!   `said the decision was “deeply disappointing” and vowed`); otherwise it is a
//!   scare quote or a term (`“pasif-defensif”`, `the so-called “reset”`,
//!   `mengkritik program “lumbung pangan”`). Right after a verb that also
//!   means "to call" (`yang mereka sebut “…”`) it is always a term. Four
//!   words or more after `called` and its object of one to three words
//!   are the caller's (`The Glasgow Herald called it “a bridge with the
//!   manners of a cathedral”`); right after `called` they name something.
//! * A quotation within three words after a word that announces a name or
//!   a term (`named`, `so-called`, `adage`, `disebut`, `bertajuk`) is a
//!   term unless a cue touches it, and so is one after a cue when such a
//!   word stands between them (`writing …, X dubbed it: “…”`).
//! * A term whatever cue is near: a single word with no punctuation inside
//!   (`declared it “incomprehensible”`), words between an article and the
//!   noun they modify (`the “immediate-constituent” theory`), a phrase
//!   after `as the`/`as a` (`as the ‘Queen of the curve’`), and a name
//!   someone gives himself (`proclaimed himself “…”`). Names inside terms
//!   and titles are never taken as antecedents.
//! * Two or three words closing a sentence right after an article are a
//!   quotation when a verb of saying earlier in the sentence has a named
//!   subject (`John Key said he believes the flag has a “strong
//!   rationale”.`). The article may open the quoted words, and the
//!   sentence may go on with a preposition or a conjunction (`she
//!   cautioned that they faced “a long road” to prove`). So are two or
//!   three words closing a clause that `that`/`bahwa` opens after such a
//!   verb (`menyampaikan bahwa pemerintah “terus memantau situasi”.`; in
//!   English also after a participle, a statement noun or `told` and its
//!   audience: `adding that he would “take full responsibility.”`, `said
//!   in a statement that Israel “bears full responsibility.”`, `told
//!   supporters in Kisumu that the law would “punish the poor.”`).
//! * A title is never speech: no sentence mark or clause comma inside,
//!   three quarters of its words capitalised, and not introduced by a
//!   comma, a colon or a cue (`says on “The Internet Explorer 6
//!   Countdown”`). After a word for a work (`His most famous work, “The
//!   Art of Conjecturing, With a Treatise on Infinite Series”`, or
//!   `published in 1965 as “Notes from the Pit”`), half the
//!   words capitalised and no sentence mark make a title (the full stop of
//!   the sentence may stand inside the marks: `her memoir, “Flour on My
//!   Hands.”`).
//! * A quotation introduced only by a colon or a dash, or by nothing, is
//!   speech only if it reads like speech: a sentence mark or a final
//!   clause comma inside, or eight words or more. With no cue at all it
//!   must also start a sentence or a clause (`studies “the amazing
//!   adaptations …”` quotes words, not a speaker).
//!
//! # Speakers
//!
//! The speaker is looked for in this order:
//!
//! 1. after the closing mark, in the same sentence: a dash and a name
//!    (`"…" - Matthew Ingram`), or a cue. A quotation that ends its own
//!    sentence (`….”`), or that ends with no comma and has none after it,
//!    only takes a cue within two tokens (`." he said`, `” Rutte said`),
//!    since what follows is usually a new sentence; and a cue after `and`
//!    (`“…” and told the police`) continues the quoted clause instead of
//!    attributing it;
//! 2. before the opening mark, in the same sentence (or, after a colon,
//!    across the paragraph break): `X: “…”`, a cue, or a bare colon after a
//!    sentence whose subject is a name. A participle (`saying`, `writing`)
//!    counts only within six tokens of the mark. (In English, a name
//!    before the colon after a verb of saying is not `X:` but whom the
//!    verb's subject spoke to or with: `Scholz said in an interview with
//!    the Financial Times: “…”` is Scholz's);
//! 3. for a bare quotation: the speaker of the previous quotation when it
//!    was in this or the previous sentence, else a name next to a cue in
//!    the previous sentence ("Heald noted …. “…”"), else (in English) whom
//!    the subject pronoun of a previous sentence naming nobody means
//!    ("Asked what he would read, he laughed. “…”"), else the speaker of
//!    the previous quotation in the paragraph, else (in English, for a
//!    quotation opening a paragraph) the speaker of a quotation or the
//!    named subject of a verb of saying in the last three sentences of the
//!    paragraph before.
//!
//! (Before this pass, a capitalised word no rule took that stands where a
//! speaker stands — `Bernoulli, then 80, told`, `," said Galois` — is
//! made a PERSON: see `speech_names` in the recognizer.)
//!
//! (In English, the short rest of a quotation interrupted by its
//! attribution, `“Thank you,” Obama told the crowd in Chicago, “for
//! everything.”`, is the first part's speaker's.)
//!
//! Around a cue, the speaker is, in order: carried by the cue itself
//! (`ujarnya`, `menurutnya`: a pronoun); the subject before the cue — a
//! name right before it (a couple of short words may come between:
//! `Rutte juga mengatakan`), a name before an appositive (`Steve Whitmore,
//! a representative …, told`; `After the match, Hernan Dario Gomez, Panama
//! coach, said`), a pronoun (`he said`, `ia menulis`, `it added`), a
//! nominal (`the ministry said`, `pelatih asal Belanda itu mengakui`), or
//! the name that opens the sentence with no other name before the cue
//! (`PC World's recent analysis … concluded`); then, for a cue after the
//! quotation (also after words summing it up: `.” Hal itu disampaikan
//! Menteri …`), for `menurut` / `according to`, for a passive
//! (`disampaikan oleh X`) and for a clause-initial cue (`Kata Rutte, “…”`, `demikian
//! pernyataan kementerian`), what follows the cue: a name (`kata Rutte`,
//! `said Ambassador Mohib`), a pronoun (`kata dia`), or a nominal (`said
//! the minister`, `kata menteri itu`, `kata pria yang sudah 20 tahun
//! berdagang itu`, `tulis kementerian dalam pernyataannya`; a title
//! points to whoever holds it, never to someone the text gave another
//! role, `Anna Berg, a teacher`, nor, in English, to a name in a phrase
//! that opens its sentence and a comma closes: `Speaking to the BBC, the
//! minister said`).
//!
//! A **pronoun** (`he`, `she`, `dia`, `ia`, and the `-nya` of `ujarnya`)
//! points to the nearest earlier sentence (up to four back and one
//! paragraph up, walking from the pronoun and over quotations) that names
//! a person: the speaker of a quotation in it, else a person next to a
//! verb of saying in it, else its first person; failing all, the latest
//! person. `it` and `pihaknya` do the same for organisations. Two
//! exceptions: a sentence whose subject is already a pronoun (`He met
//! President Prabowo`; of the same gender: after `he married the soprano
//! Lotte Weiss`, `She` is her) continues its topic, so the walk goes on to what
//! that pronoun means (unless someone else is named at least twice as
//! often: `Byron` in his biography); and a quotation whose verb of saying
//! names nobody (`a lawyer for the men said`) stops the walk: the pronoun
//! means that unnamed speaker.
//!
//! Other readings: a participle after a comma (`Poisson declared …,
//! declaring that “…”`) shares its clause's subject; a passive names its
//! agent (`described by W. W. Rouse Ball as`); a name set off by commas
//! before the verb speaks (`Her former professor, Koolhaas, described`),
//! as does one set off by a comma after a title (`kata Ketua Asosiasi …,
//! Evelina Fadil Pietruschka`); a role phrase closed by `ini`/`itu` points
//! back even when it holds an organisation (`tegas politikus PDI-P itu`);
//! an indefinite (`kata seorang warga`, `asked a resident`, `said one
//! woman`, and a subject `Seorang karyawan …` for a later `ujarnya`) names
//! nobody; after `according to` a name and a comma, a name opening a
//! clause (`According to his biographer Alan Reid, Ashdown was “…”`) is
//! not the speaker;
//! a verb before a statement noun (`said in a statement:`) is the cue; a
//! possessive opening the sentence before a colon names the speaker (`His
//! last words … were: “…”`); a sentence naming someone with a verb of
//! saying between two quotations hands the floor to them; a name that is
//! the complement of `of`/`for`/`at`/`from` before the verb gives way to
//! the phrase's head (`John Smith of Barclays said` → Smith, `a
//! spokeswoman for Barclays said` and `a spokeswoman for the cloud provider
//! Stratanet said` → nobody); `the statement said` points
//! to whoever made the statement mentioned in the two sentences before
//! (`The Pentagon said in a statement …`); and a short sentence of its own
//! right after a quotation (`“…,” she said. “Nothing at all.”`) continues
//! it, also after a longer attribution of up to 24 tokens with a verb of
//! saying in it (`“…,” said Fatima Bello, 41, a market trader in Kano.
//! “Prices have doubled.”`), as does a short quotation before `they
//! said`, which names nobody.
//! A relative `, who` stands for the name before it (`Nils Hedberg, who
//! later described her as`); a verb joined by `and` shares the subject of
//! the clause before (`Sindre Vik, took one sip and said`, `He smiled and
//! said`), as does a pronoun before lower-case words (`He later wrote`);
//! a message with its writer before it speaks for the writer
//! (`His message said`, `Brekke's letter read`), and so does an entry of
//! someone's diary after a colon (`His diary for 1941 is mostly about
//! money. An entry from that March reads: “…”`). A pronoun skips people
//! the text marks as of the other gender (`she` after `her brother Erik`,
//! `Sir`, `Mrs`, or a clause's `he` after the only person named in its
//! sentence: `Hardy retired to Dorset, where he wrote`, or `He` opening
//! the next sentence; and, one vote only, a given name that the gazetteer
//! lists for the other gender alone: `Nils`, `Helen`), also when nobody of
//! the pronoun's gender is within reach and the latest person is taken,
//! and the name labelling an interview turn (`Hanne Dahl:`
//! opening a paragraph) is never an antecedent.
//! In English, a pronoun also stops at a sentence whose subject brings in
//! someone unnamed (`A spokesman for Parallax declined to say …. “…,” he
//! said`: nobody; but not `A spokeswoman for the authority, Femke de Wit,
//! said`), and a sentence opening with a role noun (`The judge was not
//! persuaded. “…,” she wrote`) means whoever holds that role; a name after
//! `of`/`at`/`from` stands for the person before it (`Tom Whitfield of
//! Carrow Capital said`). The agency credited in a dateline (`LONDON
//! (Reuters) -`) is never an antecedent, and a name with no known given
//! name that takes `the` (`The World Food Programme said`) or that its
//! own sentence calls `it` (`Kestrel Foods will cut 1,200 jobs, it said`,
//! `Veltrix Semiconductor said it would delay …`) is an organisation to
//! `it` and `the company` even when the entity rules labelled it a PERSON.
//! A definite nominal for a person as a sentence's subject (`The
//! Frenchman, who joined in January, rose to meet a corner from Luke
//! Barnes`) continues the topic as a pronoun subject does, and a paragraph
//! opened so lets the walk go one paragraph further back.
//! A **nominal** points to the latest person or organisation whose name,
//! title or appositive holds its head word (`kementerian` → `Kementerian
//! Luar Negeri Jepang`, `minister` → `Finance Minister Sri Mulyani`,
//! `association` → `The operators' association, Deltaport Employers,`,
//! `utility` → `Maritime Grid, the province's main utility,`, `poet` →
//! `Adaeze Okafor (born 1948) is a Nigerian-born British poet`; when the
//! nominal holds a role or institution word, only that word must match:
//! `the health secretary` is not `the opposition health spokesman`);
//! failing that, a role or person word (`menteri`, `minister`, `pria`,
//! `official`, `manager`, `the 26-year-old`) acts as a person pronoun and
//! an institution word (`ministry`, `kementerian`, `union`, `utility`) as
//! `it`; any other noun (`said the post`) names nobody, and neither do
//! words holding an auxiliary (`said the union had “…”` is a clause with a
//! subject of its own). After a verb, a name following a role word heads
//! the phrase (`said Thamesbury Athletic manager Steve Callaghan`), and
//! before it the person opening an aside after a role speaks (`Her lawyer,
//! Benjamin Osei of the firm Osei & Hart, said`). `told` takes its
//! audience as object, so `.” Holst told a news conference` attributes
//! (but `.” I told her that …` is a statement of its own).
//!
//! In an interview turn (a paragraph opening with `Name:`), `I` before a
//! verb of saying is the person the turn is labelled with. A relative the
//! text's narrator calls `my`/`our` and does not name (`From my
//! grandmother. She used to say, “…”`) is someone unnamed, for a pronoun
//! of the same gender. A bare colon after a sentence with no name but a
//! subject pronoun (`…, he gave his rule for a good bridge: “…”`) takes
//! what the pronoun means. A sentence before the quotation's own whose
//! subject is a definite nominal for a person and that names nobody (`The
//! composer never forgot the review.`) continues the topic: whoever the
//! walk then finds gives way to the person named at least twice as often;
//! so does one whose subject pronoun comes within its first words (`In
//! 1991 she was offered an OBE and turned it down.`), for a person named
//! at least three times as often.
//! A name set off by commas before lower-case words (`Your publisher, Jan
//! Vrba, has called it`) is the subject, as is one set off after a few
//! opening words (`One girl, Maria Santos, read a report and added`); a
//! subject `you` is the name the sentence addresses (`Wikinews: Maria
//! Santos, you said …`), or nobody.
//!
//! Also, in English: the narrator's `I said` / `we asked` names nobody,
//! but a later `she` does not stop at it, and a reply of a word or two
//! before it is speech (`“No,” I said`); someone of the named person's
//! (`Holt's husband said`, `Holt's lawyer told`) names nobody; a person
//! before an of-phrase speaks (`Anne Ruiz of the Leeds police said`), as
//! does one a role phrase in an aside names (`One of her students, the
//! novelist Femi Adeyemi, remembered`) and, after a colon, one set off by
//! commas after a role; a colon makes a short quotation speech (`wrote
//! in her diary: “Nothing happened today.”`); words in the first person
//! right after a short sentence whose subject is the only person it
//! names are that person's (`Gordon disagreed. “I am a craftsman …”`);
//! `the foundation` is not the person said to be `the president of the
//! foundation`; `a quote from X`, `the line of X`, `to quote X`, `as X
//! put it`, `X pointed out`, `has written that`, `states that`, and
//! `read`/`reads`/`reading` right before the marks are cues; a name a
//! relative `, whose` follows speaks before a bare colon (`the critic John
//! Berwick, whose verdict was harsh: “…”`); and a
//! fragment of two or three words closing a sentence as the complement
//! of a copula or of a verb of saying's preposition (`said she was “very
//! happy.”`, `warned of “serious consequences”`) is the words of the
//! verb's named subject.
//!
//! Also, in English, for interviews and biographies: a quotation that
//! ends its sentence (`….” Addo was more direct.`) ends it for the walk
//! of a pronoun too, and one a cue right before it introduces (`She said,
//! “….”`) keeps that cue over a verb of saying in the next sentence
//! (`Everybody laughed`, `He said, “…”`); a verb of saying joined by `and`
//! to a clause opening with its subject shares it (`He showed it to me and
//! said`); a name after `told` is the audience, not the speaker, before a
//! colon (`she told the Manchester Guardian: “…”`) and after a subject of
//! its own (`“…,” a local official told AFP` names nobody); a part of a work
//! speaks for its writer (`Her last paper appeared in 1958. Its final
//! sentence reads: “…”`), as does a message a relative clause brings in
//! (`sent me a photograph with a message that said only “…”`: the
//! sentence's subject); `It` after a sentence about a letter nobody signs
//! is the letter, whose words are nobody's and do not stop a later `she`;
//! an addressee fronted with `To` (`To her friend Dora Kemp she wrote`)
//! is not the pronoun's antecedent; someone the narrator calls `my`/`our`
//! without a name (`what my father told me:`) is nobody named; a definite
//! role word that matches nobody (`the bishop visited and said`) takes
//! only a person within a pronoun's reach, never the latest person far
//! back; an indefinite subject after `, and` or an opening adverb (`…, and
//! a man in Rancagua sold us his bus`, `Then a businessman from Batumi
//! heard us`; not a preposition: `As a young man he wrote`) stops a
//! pronoun as one opening a sentence does; a title may
//! stand between a role of one or two words and the name set off after it
//! (`The director, Sir Lionel Beck,`, `The chief executive, Ms. Gráinne
//! Walsh,` name them); `It read:` after a sentence opening with someone's
//! will or letter (`Her will left her papers to McGill with a short
//! note.`) is the writer's; `only` may stand between a verb of saying and
//! a short quotation (`He said only, “It is fixed.”`); `is reported to
//! have` / `is said to` before the verb keep its subject (`the young
//! Reinholt is reported to have told him`); a passive's agent may follow
//! a role and an origin (`described by the French astronomer Jérôme
//! Lalande as`); the name before a parenthetical `, he wrote,` is not what
//! `he` means (`Reinholt, he wrote, “…”`: the visitor named before); a
//! question's `you` with nobody addressed is whoever answers in the next
//! turn (`Wikinews: In 2023 you said …` then `Kadri Tamm: …`); the name
//! whose turns mostly end with a question mark is the interviewer, never
//! an antecedent and never what the text is about (its mentions are
//! treated like a dateline's agency); an English object pronoun after a
//! verb of saying (`One teacher's report, which she kept, described her
//! as “…”`) is whom the words are about, never their speaker; in an
//! interview with no turn labels (GUM runs questions and answers into one
//! paragraph), `I` is the one person the headline's interview is with
//! (`Wikinews interviews …` and then `Wikinews spoke to Ngata about …`,
//! or `Dyson, 67, spoke to Wikinews from the bakery`),
//! and the words the narrator's `I said` brings in are not what a later
//! `he`/`she` means; a person after an organisation's title opening a
//! clause speaks for a verb joined by `and` (`Corrections Department
//! regional commissioner Paul Tane attended the concert and described it
//! as`); and the names labelling
//! interview turns do not count when the walk weighs whom the text is
//! about, nor is the person labelling the current turn the topic a `she`
//! continues.
//!
//! Also, in English: `quoted X as saying` is the words of its object
//! (`The Post quoted her as saying`: whom `her` means; `quoted his sister
//! as saying`: nobody named), and `was quoted (by …) as saying` of the
//! passive's subject, however far the participle stands from the marks;
//! `in X's words,` and `in his own words,` are a cue of the possessor's;
//! a possessed reply before a copula (`His reply, Holm remembers, was
//! “…”`, `her answer was brief: “…”`) is the possessor's, not the
//! aside's; and a few words after `calls its`/`called his` are a term.
//!
//! Also, in English: after sentences that continue a topic with a pronoun
//! subject, a sentence whose named subject has a pronoun of the pronoun's
//! gender as an object (`His manager, Harry Lockwood, described him as
//! “…”. He endured …. “…,” he wrote`) is about the topic, so the walk of
//! `he` goes past it. A quotation carrying on the sentence of the one
//! before with nobody new between (`that he “…” and asked managers to
//! avoid “…”`, `that he had “…,” but that the city needed “…”`) is that
//! one's speaker's, with or without a verb of saying of its own. An
//! indefinite role noun before `for`/`of` and a nominal (`A spokesperson
//! for the regulator said`) names nobody, as before a name; and a name
//! joined by `and` to an organisation before it belongs to that
//! organisation's of-phrase (`A spokesman for the Department for
//! Environment, Food and Rural Affairs said`: nobody). A participle after
//! a comma in a sentence opened by `he`/`she` and holding no verb of
//! saying shares that pronoun (`She refused the title when it was
//! offered, saying that she was “…”`). A verb after `, and` whose clause
//! holds asides set off by commas shares the subject opening the
//! sentence, a name or a definite role noun (`The Environment Agency
//! issued a warning, its highest level, shortly after 9 p.m., and said
//! …`; `The area manager accepted, however, that …, and said`), when no
//! other subject or verb of saying stands between; and a title may stand
//! between the comma of an appositive and the name (`The agency's area
//! manager for Wessex, Dr. Fiona Harcourt,` names her for `the area
//! manager`). `the statement said` after a sentence that opens with the
//! statement before its verb of saying (`In a victim impact statement
//! read to the court, the charity's chief executive, Bernadette Okoro,
//! said …`) points to that verb's subject. `its` before a plural word for
//! the people speaking for an organisation (`In a statement its South
//! Wales officials said`) is the organisation, and so is `they` before a
//! verb of saying right after the organisation's words (`They added:`).
//! Everyday words for a person the cue lexicon does not list (`dealer`,
//! `stranger`, `visitor`: [`MORE_PERSON_NOUNS`]) bring in someone unnamed
//! after `a`/`an` as its person nouns do (`A dealer from Geneva offered me
//! …. He said, “…”`: nobody named), but not one `called`/`named` a name
//! right after (`a man called Seamus Twomey`). The subject of `called`
//! before the marks speaks the four words or more after it even when a
//! verb of saying away from the marks follows in a later clause (`has
//! called them “…”, and in her study she quoted X as saying`). Three
//! words or more after `accused X of` are the accuser's (`Sandra Byrne
//! accused the government of “running the hospitals on …”`). A verb
//! joined by `and` to a clause right after a name set off by commas
//! shares that name (`Their managing director, Neil Saunders, stood up at
//! a public meeting and said`), and two or three governed words may end
//! with a comma inside the marks (`said the routes were “not commercially
//! viable,” and a woman shouted`). A quotation ending its sentence keeps
//! a cue before it over the next sentence's verb when that sentence
//! announces the next quotation with a colon (`asked whether Ghana needed
//! “….” He responded at a news conference: “…”`). The person most named
//! takes the place of the one a pronoun's walk found only when the text
//! does not mark them as of the other gender (`Osei-Bonsu's brother, Kofi,
//! … He said …. “…,” he said` after a text about her).
//!
//! Also, in English run-in interviews: the one person interviewed is also
//! the person the headline names right after its verb (`Wikinews talks to
//! Galician piper Xoán Barreiro Lema`) or the one set off by a comma after
//! a short role (`Wikinews spoke to the paper's editor, Yusuf Demirel,
//! who …`), and a bare quotation right after a question (`How did he
//! start? “By accident. …”`) is that person's answer; a bare quotation
//! after a sentence in which someone `asked` a person (`Wikinews asked
//! Demirel about the case. “We settled.”`) is the person asked.
//!
//! Someone's last words before a copula are theirs, also with an aside
//! of up to eight tokens or a hedged copula (`His last words, spoken to
//! his son two days later, were “…”`, `His last words are said to have
//! been “…”`).
//! The object of `called` before four words or more may hold a year
//! (`called the 1772 treatise “…”`), and a verb joined by `and` shares a
//! subject of a determiner, a role and a name (`The Paris academician
//! Théodore Galabert attacked the method in 1775 and called it “…”`).
//! A section heading (`Early life`, a paragraph of a few capitalised words
//! with no sentence mark) is neither a sentence nor a paragraph for a
//! pronoun's walk, and a role whose of-phrase a name follows (`The
//! historian of science Margherita Donadoni called …`) names its subject
//! rather than continuing a topic.
//!
//! A speaker named in part ("kata Rutte", "Van Dijk") is linked to the
//! latest earlier full name that starts or ends with it ("Mark Rutte",
//! "Rutger van Dijk"), so the link names the person in full; a surname
//! alone is the text's first full name when that ends with it, even after
//! a namesake (a biography's subject after her father).

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::cues::cue;
use super::lexicon::flags::TITLE;
use super::lexicon::more;
use super::tokens::{Doc, Gap, Kind};
use crate::core::model::{labels, Span};

/// How many tokens after a closing mark are searched for a cue.
const AFTER_WINDOW: usize = 20;
/// How many tokens before an opening mark are searched for a cue.
const BEFORE_WINDOW: usize = 40;
/// How many tokens after a verb of saying a nominal speaker may start.
const AFTER_CUE: usize = 7;
/// How many tokens after a verb of saying a named speaker may start (long
/// Indonesian titles come between: `kata Kepala Badan Penanggulangan
/// Bencana Daerah Kota Semarang Agus Riyanto`).
const NAME_AFTER_CUE: usize = 14;
/// How many tokens a backward walk for an antecedent may cover.
const WALK: usize = 160;
/// How many sentences a pronoun may reach back.
const SENTENCES_BACK: usize = 4;
/// How many earlier entities a nominal is compared with.
const LOOKBACK: usize = 64;
/// Marker for "none" in the per-token tables.
const NONE: u32 = u32::MAX;

/// English words for a person that the cue lexicon does not list as
/// person nouns but that bring in someone new and unnamed after `a`/`an`
/// (`A dealer from Geneva offered me …. He said, “…”`): people met by
/// chance, trade and everyday roles.
#[rustfmt::skip]
const MORE_PERSON_NOUNS: &[&str] = &[
    "dealer", "collector", "stranger", "visitor", "tourist", "buyer", "seller", "merchant",
    "priest", "vicar", "girl", "boy", "child", "gentleman", "guard", "waiter",
    "waitress", "clerk", "villager", "shepherd", "sailor", "fan", "supporter", "spectator",
    "volunteer", "teenager", "pensioner", "colleague", "landlord", "landlady", "tenant",
    "traveller", "traveler", "hiker", "climber", "guide", "porter", "cook", "chef", "baker",
    "butcher", "mechanic", "plumber", "builder", "carpenter", "labourer", "laborer", "miner",
    "friend", "acquaintance", "photographer", "policeman", "policewoman",
];

/// A closing-mark cursor: sorted token indices and a forward-only position.
#[derive(Default)]
struct Cursor {
    /// Token indices of the closing marks.
    at: Vec<usize>,
    /// Index into `at` of the first mark not yet passed.
    pos: usize,
}

impl Cursor {
    /// The first mark after token `k`.
    fn next_after(&mut self, k: usize) -> Option<usize> {
        while self.pos < self.at.len() && self.at[self.pos] <= k {
            self.pos += 1;
        }
        self.at.get(self.pos).copied()
    }
}

/// The kinds of opening mark, by the closing marks that end them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `“` (or a `”` used as an opening mark) closed by `”`.
    Curly,
    /// `„` closed by `“` or `”`.
    Low,
    /// `«` closed by `»`.
    Guillemet,
    /// `「` closed by `」`.
    Corner,
    /// `『` closed by `』`.
    WhiteCorner,
    /// `"` closed by `"`.
    Straight,
    /// `‘` or `'` closed by `’` or `'`.
    Single,
}

/// How many kinds of opening mark there are.
const KINDS: usize = 7;

/// Whether `c` is any quotation mark this module handles.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
            | '"'
            | '\u{2018}'
            | '\u{2019}'
            | '\''
    )
}

/// Whether `c` is a double (or corner, or guillemet) quotation mark: the
/// marks that stop a search for a cue. Single marks do not, since most of
/// them are apostrophes.
fn is_double_mark(c: char) -> bool {
    is_mark(c) && !matches!(c, '\u{2018}' | '\u{2019}' | '\'')
}

/// How many words a token counts as: one, or for a run of Chinese,
/// Japanese or Korean script, which writes no spaces between words, one
/// for every two characters (`私たちは負けない` is a sentence, not a
/// term).
fn cjk_words(token: &str) -> usize {
    let cjk = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}');
    if token.chars().next().is_some_and(cjk) {
        token.chars().filter(|&c| cjk(c)).count().div_ceil(2).max(1)
    } else {
        1
    }
}

/// Whether a verb of saying takes its audience as object (`told`,
/// `informs`): a name after it is whom it speaks to.
fn takes_audience(w: &str) -> bool {
    matches!(w, "told" | "tells" | "informed" | "informs")
}

/// Finds the quotations of `doc`. `ents` are the entity and date spans
/// found so far, sorted by start; the returned QUOTE spans name their
/// speaker by index into `ents`.
pub(crate) fn find(doc: &Doc, ents: &[Span]) -> Vec<Span> {
    let n = doc.toks.len();
    // One pass over the tokens for the marks, the cue flags and the first
    // token of each paragraph (a long text's tokens do not fit the cache).
    let mut marks: Vec<usize> = Vec::new();
    let mut cue_flags: Vec<u16> = Vec::with_capacity(n);
    let mut para_first = Vec::new();
    for (k, t) in doc.toks.iter().enumerate() {
        match t.kind {
            Kind::Word => cue_flags.push(t.cue),
            _ => {
                cue_flags.push(0);
                if t.kind == Kind::Punct && is_mark(t.ch) {
                    marks.push(k);
                }
            }
        }
        while para_first.len() <= t.para as usize {
            para_first.push(k);
        }
    }
    if marks.is_empty() {
        return Vec::new();
    }
    let mut ent_of = vec![NONE; n];
    let mut ent_toks = vec![(0, 0); ents.len()];
    for (e, s) in ents.iter().enumerate() {
        let first = doc.tok_at(s.start);
        let mut k = first;
        while k < n && doc.toks[k].start() < s.end {
            if s.label == labels::PERSON || s.label == labels::ORG {
                ent_of[k] = u32::try_from(e).unwrap_or(NONE);
            }
            k += 1;
        }
        ent_toks[e] = (first, k);
    }
    if doc.lang == super::tokens::Lang::En {
        extra_cues(doc, &mut cue_flags);
    }
    after_quote_cues(doc, &marks, &mut cue_flags);
    let full = full_names(doc, ents);
    let mut q = Quoter {
        doc,
        ents,
        ent_of,
        ent_toks,
        cue_flags,
        full,
        gender: std::cell::OnceCell::new(),
        org_like: std::cell::OnceCell::new(),
        interviewee: std::cell::OnceCell::new(),
        families: std::cell::OnceCell::new(),
        para_first,
        quote_of: vec![NONE; n],
        in_term: vec![false; n],
        quotes: Vec::new(),
        quote_unnamed: Vec::new(),
        quote_open: Vec::new(),
        last: None,
    };
    q.mark_credits();
    q.mark_interviewers();
    q.pair(&marks);
    q.quotes
}

/// Adds the English verbs of saying that only their neighbours tell from
/// other words: `read`/`reads` right before a quotation mark or `that`
/// (`The sign read “…”`; not after a word that names a title: `The
/// headline read “…”`), `reading` right before a mark (`banners reading
/// “…”`), `states` before `that` or a colon (`The report states that
/// “…”`; `reads:` is left to the colon, which knows whose diary an entry
/// is, and `the authors' claims “…”` is a noun), and the participles
/// `written`/`spoken` after a perfect auxiliary (`has written that`, but
/// not `a memoir written for his grandchildren`). One pass; a word's text
/// is read only when its length and first letter fit.
fn extra_cues(doc: &Doc, cue_flags: &mut [u16]) {
    let n = doc.toks.len();
    let aux = |j: usize| doc.is_word(j) && matches!(doc.low(j), "has" | "have" | "had");
    for k in 0..n.saturating_sub(1) {
        let t = &doc.toks[k];
        let len = t.end() - t.start();
        if t.kind != Kind::Word
            || !(4..=7).contains(&len)
            || !matches!(t.ch, 'r' | 's' | 'w' | 'R' | 'S' | 'W')
            || cue_flags[k] & (cue::VERB | cue::PARTICIPLE) != 0
        {
            continue;
        }
        let next = &doc.toks[k + 1];
        let mark = next.kind == Kind::Punct && is_mark(next.ch);
        let that = || doc.is_word(k + 1) && doc.low(k + 1) == "that";
        let (flag, introduces) = match doc.low(k) {
            "read" | "reads" => (cue::VERB, mark || that()),
            "reading" => (cue::PARTICIPLE, mark),
            "states" => (cue::VERB, doc.is(k + 1, ':') || that()),
            "written" | "spoken" => {
                let perfect = k >= 1
                    && (aux(k - 1)
                        || k >= 2 && doc.is_word(k - 1) && !doc.toks[k - 1].upper && aux(k - 2));
                (cue::VERB, perfect)
            }
            _ => continue,
        };
        let naming = (k.saturating_sub(3)..k).any(|j| cue_flags[j] & cue::NAMING != 0);
        if introduces && !naming {
            cue_flags[k] |= flag;
        }
    }
}

/// Indonesian roots that are verbs of saying right after a quotation
/// (`,” harap Rina`, `,” kenangnya.`) but everyday words elsewhere (`aku`
/// "I", `nilai` "value", `harap` "please", `cerita` "story"): they are
/// left out of the shared lexicon, whose `CUE` flag is one of the learned
/// tagger's features.
const ID_AFTER_QUOTE: &[&str] = &[
    "harap", "imbau", "pinta", "aku", "ajak", "kenang", "nilai", "seru", "klaim", "kisah",
    "cerita", "ulas", "singgung", "pesan", "tuding", "canda", "sesal", "kritik", "tuntut", "kecam",
    "puji", "tegur", "sapa", "ingat", "yakin", "duga", "sentil",
];

/// Indonesian abbreviated titles and the titles they stand for: `kata
/// Menkeu` is whoever the text titled `Menteri Keuangan`.
const ID_TITLE_ABBRS: &[(&str, &str)] = &[
    ("menkeu", "menteri keuangan"),
    ("wamenkeu", "wakil menteri keuangan"),
    ("mendagri", "menteri dalam negeri"),
    ("menlu", "menteri luar negeri"),
    ("menhan", "menteri pertahanan"),
    ("menkes", "menteri kesehatan"),
    ("menag", "menteri agama"),
    ("mentan", "menteri pertanian"),
    ("menhub", "menteri perhubungan"),
    ("mendag", "menteri perdagangan"),
    ("menperin", "menteri perindustrian"),
    ("menaker", "menteri ketenagakerjaan"),
    ("menpora", "menteri pemuda dan olahraga"),
    ("mensesneg", "menteri sekretaris negara"),
    ("menkumham", "menteri hukum dan hak asasi manusia"),
    ("menparekraf", "menteri pariwisata dan ekonomi kreatif"),
    ("menko", "menteri koordinator"),
    ("kapolri", "kepala kepolisian negara republik indonesia"),
    ("kapolda", "kepala kepolisian daerah"),
    ("kapolres", "kepala kepolisian resor"),
    ("kapolsek", "kepala kepolisian sektor"),
    ("sekjen", "sekretaris jenderal"),
    ("dirjen", "direktur jenderal"),
    ("dirut", "direktur utama"),
    ("kadis", "kepala dinas"),
    ("kades", "kepala desa"),
    ("sekda", "sekretaris daerah"),
    ("wagub", "wakil gubernur"),
    ("wabup", "wakil bupati"),
    ("wawali", "wakil wali kota"),
    ("jubir", "juru bicara"),
];

/// Whether token `m` (a quotation mark) follows the punctuation that ends
/// quoted words (`,` `.` `!` `?` `…`): only a closing mark stands there.
fn after_closing_punct(doc: &Doc, m: usize) -> bool {
    m >= 1
        && doc.toks[m - 1].kind == Kind::Punct
        && matches!(doc.toks[m - 1].ch, ',' | '.' | '!' | '?' | '\u{2026}')
}

/// The title an Indonesian abbreviated title stands for (`menkeu` →
/// `menteri keuangan`), if `w` is one.
fn title_abbr(w: &str) -> Option<&'static str> {
    ID_TITLE_ABBRS.iter().find(|(abbr, _)| *abbr == w).map(|(_, long)| *long)
}

/// English verbs of saying in two words that only stand right after a
/// quotation (`,” she shot back`, `,” he went on`): the first word.
fn en_two_word_cue(first: &str, second: &str) -> bool {
    matches!((first, second), ("shot" | "hit" | "fired" | "snapped", "back") | ("went", "on"))
}

/// Marks the verbs of saying that only their place tells from other
/// words: right after a closing quotation mark (one that follows `,`,
/// `.`, `!`, `?` or `…`), an Indonesian root of [`ID_AFTER_QUOTE`] before a
/// capitalised name or a person pronoun (`,” harap Rina Wulandari`,
/// `,” imbau dia`), or with `-nya` before punctuation (`,” kenangnya.`);
/// and in English, `shot back`, `went on` and the like within three words
/// of the mark (`,” she shot back`).
fn after_quote_cues(doc: &Doc, marks: &[usize], cue_flags: &mut [u16]) {
    let n = doc.toks.len();
    // Only the few closing marks are looked at, not every word.
    for &m in marks {
        if !after_closing_punct(doc, m) {
            continue;
        }
        if doc.lang == super::tokens::Lang::En {
            for (k, flags) in cue_flags.iter_mut().enumerate().take((m + 4).min(n)).skip(m + 1) {
                let verb = *flags & cue::VERB != 0;
                if !verb && doc.is_word(k + 1) && en_two_word_cue(doc.low(k), doc.low(k + 1)) {
                    *flags |= cue::VERB;
                }
            }
            continue;
        }
        let k = m + 1;
        if !doc.is_word(k) || cue_flags[k] & cue::VERB != 0 {
            continue;
        }
        let w = doc.low(k);
        if w.strip_suffix("nya").is_some_and(|r| ID_AFTER_QUOTE.contains(&r)) {
            if doc.toks.get(k + 1).is_none_or(|x| x.kind == Kind::Punct) {
                cue_flags[k] |= cue::VERB | cue::PRON;
            }
        } else if ID_AFTER_QUOTE.contains(&w) {
            let named = doc.toks.get(k + 1).is_some_and(|x| x.kind == Kind::Word && x.upper)
                || doc.is_word(k + 1) && matches!(doc.low(k + 1), "dia" | "ia" | "beliau");
            if named {
                cue_flags[k] |= cue::VERB;
            }
        }
    }
}

/// For each span, the span to name as speaker in its place: a PERSON named
/// in part ("Rutte", "Van Dijk") is replaced by the latest earlier PERSON
/// whose name starts or ends with it, ignoring case ("Mark Rutte",
/// "Rutger van Dijk"); every other span stands for itself. A surname alone
/// that the text's first full name ends with is that person even after a
/// namesake (`Margriet Verhoeven … the third child of a ship's carpenter,
/// Anton Verhoeven … quoted Verhoeven as saying`): a biography or a story
/// calls its subject by the surname and the subject's relatives by their
/// full or given names.
fn full_names(doc: &Doc, ents: &[Span]) -> Vec<usize> {
    // Each PERSON's name in lower case, made once: ASCII names are slices
    // of the lower-cased text, others are lower-cased by Unicode rules.
    let names: Vec<Option<Cow<str>>> = ents
        .iter()
        .map(|s| {
            (s.label == labels::PERSON).then(|| {
                let name = &doc.text[s.start..s.end];
                if name.is_ascii() {
                    Cow::Borrowed(&doc.lower[s.start..s.end])
                } else {
                    Cow::Owned(name.to_lowercase())
                }
            })
        })
        .collect();
    // The latest full name by its first word (`true`) and by its last.
    let mut latest: HashMap<(bool, &str), usize> = HashMap::default();
    let mut full: Vec<usize> = (0..ents.len()).collect();
    // The text's first full name (two words or more), keyed by its last
    // word: the subject's surname.
    let mut topic: Option<(&str, usize)> = None;
    for (e, name) in names.iter().enumerate() {
        let Some(name) = name.as_deref() else { continue };
        let mut words = name.split_whitespace();
        let Some(first) = words.next() else { continue };
        let last = words.next_back().unwrap_or(first);
        let single = first == last && !name.contains(char::is_whitespace);
        if !single && topic.is_none() {
            topic = Some((last, e));
        }
        // `kata seorang warga, Budi (45).`: a name with an age after it
        // brings in someone new, not the namesake named before.
        let aged = single && crate::core::entities::age_follows(&doc.text[ents[e].end..]);
        for key in [(true, first), (false, last)].into_iter().filter(|_| !aged) {
            let topical = topic.filter(|&(t, f)| single && !key.0 && t == last && f != e);
            if let Some(f) = topical.map(|(_, f)| f).or_else(|| latest.get(&key).copied()) {
                let other = names[f].as_deref().unwrap_or("");
                let longer = other.len() > name.len();
                // `other` ends with " {name}" or starts with "{name} ".
                if longer
                    && ((other.ends_with(name)
                        && other.as_bytes()[other.len() - name.len() - 1] == b' ')
                        || (other.starts_with(name) && other.as_bytes()[name.len()] == b' '))
                {
                    full[e] = full[f];
                    break;
                }
            }
        }
        if full[e] == e {
            latest.insert((true, first), e);
            latest.insert((false, last), e);
        }
    }
    full
}

/// The grammatical gender of a person, as far as the text marks it.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// The gender a word before a name marks (`Mr`, `Sir`, `brother`, `Mrs`,
/// `Ms`, `sister`, `wife`).
fn gender_word(w: &str) -> Gender {
    static WORDS: std::sync::OnceLock<HashMap<&'static str, Gender>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let male = [
            "mr",
            "sir",
            "lord",
            "king",
            "prince",
            "duke",
            "brother",
            "father",
            "son",
            "husband",
            "uncle",
            "nephew",
            "grandfather",
            "grandson",
            "boyfriend",
            "spokesman",
            "chairman",
            "businessman",
            "congressman",
            "councilman",
            "widower",
            "tenor",
            "baritone",
            "monk",
        ];
        let female = [
            "mrs",
            "ms",
            "miss",
            "lady",
            "dame",
            "queen",
            "princess",
            "duchess",
            "sister",
            "mother",
            "daughter",
            "wife",
            "aunt",
            "niece",
            "grandmother",
            "granddaughter",
            "girlfriend",
            "spokeswoman",
            "chairwoman",
            "businesswoman",
            "congresswoman",
            "councilwoman",
            "widow",
            "soprano",
            "actress",
            "ballerina",
            "nun",
        ];
        male.iter()
            .map(|&w| (w, Gender::Male))
            .chain(female.iter().map(|&w| (w, Gender::Female)))
            .collect()
    });
    if w.len() > 13 {
        return Gender::Unknown;
    }
    words.get(w).copied().unwrap_or_default()
}

/// The gender of a pronoun (`he`, `his`, `him`, `she`, `her`).
fn pronoun_gender(w: &str) -> Gender {
    match w {
        "he" | "him" | "his" | "himself" => Gender::Male,
        "she" | "her" | "hers" | "herself" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// For each span, the gender of the PERSON it names, from two kinds of
/// evidence: a word right before a mention (`her brother Erik`, `Sir
/// Robert Hale`, `his wife, Anna`, and in English also across a role
/// phrase with an article: `his wife, the textile designer Margit`), and a subject pronoun or `his` after
/// the only person named in a sentence (`Dugdale recalled in his memoir`
/// is male; quoted words are left out, and `his` before a word for a
/// relative, `his wife`, means someone else). Mentions share their full
/// name's gender; `Unknown` when nothing marks it or the evidence
/// disagrees.
fn genders(doc: &Doc, ents: &[Span], ent_toks: &[(usize, usize)], full: &[usize]) -> Vec<Gender> {
    let mut votes = vec![[0u32; 2]; ents.len()];
    if doc.lang == super::tokens::Lang::Id {
        return vec![Gender::Unknown; ents.len()];
    }
    let vote = |votes: &mut Vec<[u32; 2]>, f: usize, g: Gender, w: u32| match g {
        Gender::Male => votes[f][0] += w,
        Gender::Female => votes[f][1] += w,
        Gender::Unknown => {}
    };
    // Each mention counts for the first span of the same full name (the
    // same first and last words).
    let mut canon: HashMap<(u32, u32), usize> = HashMap::default();
    let key: Vec<usize> = (0..ents.len())
        .map(|e| {
            let (a, b) = ent_toks[full[e]];
            let id = |k: usize| doc.toks.get(k).map_or(NONE, |t| t.id);
            *canon.entry((id(a), id(b.saturating_sub(1)))).or_insert(full[e])
        })
        .collect();
    let full = &key;
    // (The name labelling an interview turn, `Hanne Dahl:` opening a
    // paragraph, is not someone the turn's sentence speaks of.)
    let label = |e: usize| {
        let (first, after) = ent_toks[e];
        (first == 0 || doc.toks[first].gap >= Gap::Line) && doc.is(after, ':')
    };
    let persons: Vec<usize> =
        (0..ents.len()).filter(|&e| ents[e].label == labels::PERSON && !label(e)).collect();
    for &e in &persons {
        let first = ent_toks[e].0;
        let mut j = first;
        if j > 0 && doc.is(j - 1, ',') {
            j -= 1;
        } else if doc.lang == super::tokens::Lang::En {
            // "his wife, the textile designer Margit Aalders": a role
            // phrase with an article may stand after the comma.
            let mut r = j;
            while r > 0 && first - r < 4 && doc.is_word(r - 1) && !doc.toks[r - 1].upper {
                r -= 1;
            }
            if r + 1 < first && r > 1 && matches!(doc.low(r), "the" | "a") && doc.is(r - 1, ',') {
                j = r - 1;
            }
        }
        if j > 0 && doc.is_word(j - 1) {
            vote(&mut votes, full[e], gender_word(doc.low(j - 1).trim_end_matches('.')), 3);
        }
        // (Or the last word of a short appositive after the name: `Renata
        // Villalobos, Caleb's mother, spoke last`.)
        let after = ent_toks[e].1;
        if doc.is(after, ',') {
            let close = (after + 2..(after + 6).min(doc.toks.len())).find(|&k| doc.is(k, ','));
            if let Some(c) = close.filter(|&c| doc.is_word(c - 1)) {
                vote(&mut votes, full[e], gender_word(doc.low(c - 1)), 3);
            }
        }
    }
    // A given name listed for women or men only is one weak vote for its
    // full name (what the text says of the person outweighs it): the name's
    // first word when it marks a gender (also a common word such as `John`
    // or `Rose`, which only counts there), else its first known given name.
    for &e in &persons {
        let (a, b) = ent_toks[full[e]];
        let opens = a < b && doc.toks[a].more & (more::FEMALE | more::MALE) != 0;
        let given =
            if opens { Some(a) } else { (a..b).find(|&k| doc.toks[k].more & more::GIVEN != 0) };
        if let Some(k) = given {
            let m = doc.toks[k].more;
            if m & more::FEMALE != 0 {
                vote(&mut votes, full[e], Gender::Female, 1);
            } else if m & more::MALE != 0 {
                vote(&mut votes, full[e], Gender::Male, 1);
            }
        }
    }
    // The pronouns after each mention, up to the end of its sentence (or a
    // quotation mark), when no other person is named in that sentence: a
    // scan from each mention, so only sentences naming someone are read.
    let n = doc.toks.len();
    // Whether the previous mention's scan reached this one (same sentence).
    let mut shared = false;
    for (i, &e) in persons.iter().enumerate() {
        let after = ent_toks[e].1;
        let next_first = persons.get(i + 1).map_or(n, |&x| ent_toks[x].0);
        let mut said = [0u32; 2];
        let mut k = after;
        let mut reached_next = false;
        while k < n && k - after < 40 {
            if k >= next_first {
                reached_next = true;
                break;
            }
            let t = &doc.toks[k];
            // "A historian, Ola Brekke, found it by accident. He was
            // looking …": a subject pronoun opening the next sentence of
            // the paragraph counts too.
            if t.term && k + 1 < next_first && doc.is_word(k + 1) {
                let next = &doc.toks[k + 1];
                if next.upper && next.gap < Gap::Line && matches!(doc.low(k + 1), "he" | "she") {
                    match pronoun_gender(doc.low(k + 1)) {
                        Gender::Male => said[0] += 1,
                        Gender::Female => said[1] += 1,
                        Gender::Unknown => {}
                    }
                }
            }
            if t.term || t.gap >= Gap::Line || t.kind == Kind::Punct && is_double_mark(t.ch) {
                break;
            }
            let candidate = t.kind == Kind::Word
                && matches!(t.ch, 'h' | 's')
                && t.end() - t.start() <= 7
                && !t.upper;
            if candidate {
                let w = doc.low(k);
                // A subject pronoun opening a clause (`…, she`, `said he`,
                // `when she`), not one after a relative (`which she won`,
                // where the name may be the object's).
                let opens = doc.is(k - 1, ',')
                    || doc.is_word(k - 1)
                        && (doc.toks[k - 1].cue & cue::VERB != 0
                            || matches!(
                                doc.low(k - 1),
                                "and"
                                    | "but"
                                    | "that"
                                    | "when"
                                    | "after"
                                    | "before"
                                    | "because"
                                    | "as"
                                    | "while"
                                    | "where"
                                    | "until"
                                    | "if"
                                    | "so"
                            ));
                let g = match w {
                    "he" | "she" if opens => pronoun_gender(w),
                    "himself" | "herself" => pronoun_gender(w),
                    // (`his wife` is somebody else.)
                    "his"
                        if (k + 1..k + 3).all(|j| {
                            !doc.is_word(j) || gender_word(doc.low(j)) == Gender::Unknown
                        }) =>
                    {
                        Gender::Male
                    }
                    _ => Gender::Unknown,
                };
                match g {
                    Gender::Male => said[0] += 1,
                    Gender::Female => said[1] += 1,
                    Gender::Unknown => {}
                }
            }
            k += 1;
        }
        // (A mention of the same person again does not make two people.)
        let same_next = reached_next && persons.get(i + 1).is_some_and(|&x| full[x] == full[e]);
        if !shared && (!reached_next || same_next) {
            votes[full[e]][0] += said[0];
            votes[full[e]][1] += said[1];
        }
        shared = reached_next && !same_next;
    }
    (0..ents.len())
        .map(|e| {
            let [m, f] = votes[full[e]];
            if m > 2 * f {
                Gender::Male
            } else if f > 2 * m {
                Gender::Female
            } else {
                Gender::Unknown
            }
        })
        .collect()
}

/// For each span, whether it is a PERSON that the text treats as an
/// organisation: in English, a name of two words or more with no known
/// given name in it after `the` (`The World Food Programme said`; one word
/// after a capital `The` inside a sentence: `The Ostrich`), or one
/// with no known given name that the rest of its sentence calls `it`
/// (`Kestrel Foods will cut 1,200 jobs, it said`; `Veltrix Semiconductor
/// said on Tuesday it would delay …`), before any other name. Mentions share their full name's
/// answer. (The entity rules label such names PERSON when no word marks
/// an organisation.)
fn org_like(
    doc: &Doc,
    ents: &[Span],
    ent_of: &[u32],
    ent_toks: &[(usize, usize)],
    full: &[usize],
) -> Vec<bool> {
    let mut own = vec![false; ents.len()];
    if doc.lang != super::tokens::Lang::En {
        return own;
    }
    let n = doc.toks.len();
    let verb = |k: usize| doc.is_word(k) && doc.toks[k].cue & cue::VERB != 0;
    for (e, s) in ents.iter().enumerate() {
        if s.label != labels::PERSON {
            continue;
        }
        let (first, after) = ent_toks[e];
        if (first..after).any(|k| doc.toks[k].more & super::lexicon::more::GIVEN != 0) {
            continue;
        }
        // "The World Food Programme said": a person's name does not take
        // `the`.
        // (One word too after a capital `The` inside a sentence: `described
        // The Ostrich as`, a paper's name.)
        let the = first > 0 && doc.is_word(first - 1) && doc.low(first - 1) == "the";
        let capital_the = the && doc.toks[first - 1].upper && !doc.toks[first - 1].initial;
        if the && (after - first >= 2 || capital_the) {
            own[full[e]] = true;
            continue;
        }
        let mut said: Option<usize> = None;
        for k in after..(after + 30).min(n) {
            let t = &doc.toks[k];
            let other = ent_of.get(k).is_some_and(|&x| x != NONE);
            if t.term
                || t.gap >= Gap::Line
                || other
                || t.kind == Kind::Punct && is_double_mark(t.ch)
            {
                break;
            }
            if verb(k) && k - after <= 3 {
                said = said.or(Some(k));
            }
            if !doc.is_word(k) || doc.low(k) != "it" {
                continue;
            }
            // "…, it said"
            let after_comma = doc.is(k - 1, ',') && verb(k + 1);
            // "… said on Tuesday it would …"
            let reported = said.is_some_and(|v| k - v <= 4)
                && doc.is_word(k + 1)
                && matches!(
                    doc.low(k + 1),
                    "would" | "will" | "had" | "has" | "was" | "is" | "could" | "planned" | "plans"
                );
            if after_comma || reported {
                own[full[e]] = true;
                break;
            }
        }
    }
    (0..ents.len()).map(|e| own[full[e]] || own[e]).collect()
}

/// A cue found next to a quotation.
struct Found {
    /// The speaker it points to, if any.
    speaker: Option<usize>,
    /// Whether it touches the quotation (at most two tokens between), as in
    /// `“Tidak,” kata dia` — what a very short quotation needs.
    near: bool,
    /// Whether a word of saying was seen; a bare colon or dash is weaker
    /// evidence, so what it introduces must read like speech.
    verb: bool,
}

/// Which side of the quotation a cue was found on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// After the closing mark.
    After,
    /// Before the opening mark.
    Before,
}

/// The state of the quotation pass.
struct Quoter<'d, 'a> {
    /// The text.
    doc: &'d Doc<'a>,
    /// Entity and date spans, sorted by start.
    ents: &'d [Span],
    /// For each token, the index of the PERSON/ORG span covering it.
    ent_of: Vec<u32>,
    /// For each span, its first token and the token just past it.
    ent_toks: Vec<(usize, usize)>,
    /// For each token, its cue flags.
    cue_flags: Vec<u16>,
    /// For each span, the span that names it in full (see [`full_names`]).
    full: Vec<usize>,
    /// For each span, the gender its text marks (see [`genders`]).
    /// (Made when a pronoun first asks.)
    gender: std::cell::OnceCell<Vec<Gender>>,
    /// For each span, whether a PERSON acts as an organisation (see
    /// [`org_like`]). (Made when a walk first asks.)
    org_like: std::cell::OnceCell<Vec<bool>>,
    /// The person a Wikinews-style interview is with (see
    /// [`Quoter::interviewee`]). (Made when an `I` first asks.)
    interviewee: std::cell::OnceCell<Option<usize>>,
    /// For each last word of a PERSON of two or more words, how many
    /// different such names end with it (counted up to 2, when first asked).
    families: std::cell::OnceCell<HashMap<&'a str, u8>>,
    /// For each paragraph, the index of its first token.
    para_first: Vec<usize>,
    /// For each token, the index of the accepted quotation covering it.
    quote_of: Vec<u32>,
    /// For each token, whether it lies inside marks that were judged a
    /// term or a title.
    in_term: Vec<bool>,
    /// The quotations accepted so far.
    quotes: Vec<Span>,
    /// For each accepted quotation, whether a verb of saying attributes it
    /// to someone it does not name.
    quote_unnamed: Vec<bool>,
    /// For each accepted quotation, the token of its opening mark.
    quote_open: Vec<usize>,
    /// Closing-mark token of the last accepted quotation, its paragraph and
    /// its speaker.
    last: Option<(usize, u32, Option<usize>)>,
}

impl Quoter<'_, '_> {
    /// Marks the interviewer of an interview: a name labelling turns
    /// (`Wikinews: …` opening a paragraph) most of which end with a
    /// question mark. The interviewer asks; it is never whom a pronoun
    /// means or the person a text is about, so all its mentions (`she told
    /// Wikinews`) are treated like a term's, as the agency of a dateline
    /// is.
    fn mark_interviewers(&mut self) {
        let doc = self.doc;
        let n = doc.toks.len();
        let text = doc.text;
        // Per full name: turns that ask, turns in all.
        let mut turns: HashMap<&str, (usize, usize)> = HashMap::default();
        for e in 0..self.ents.len() {
            let (first, after) = self.ent_toks[e];
            let label = self.ent(first) == Some(e)
                && (first == 0 || doc.toks[first].gap >= Gap::Line)
                && doc.is(after, ':');
            if !label {
                continue;
            }
            let mut x = after;
            while x + 1 < n && doc.toks[x + 1].gap < Gap::Line {
                x += 1;
            }
            let asks = doc.is(x, '?') || x > 0 && is_mark(doc.toks[x].ch) && doc.is(x - 1, '?');
            let s = &self.ents[self.full[e]];
            let t = turns.entry(&text[s.start..s.end]).or_insert((0, 0));
            t.0 += usize::from(asks);
            t.1 += 1;
        }
        if !turns.values().any(|&(asks, all)| 2 * asks > all) {
            return;
        }
        for e in 0..self.ents.len() {
            let s = &self.ents[self.full[e]];
            if turns.get(&text[s.start..s.end]).is_some_and(|&(asks, all)| 2 * asks > all) {
                let (first, after) = self.ent_toks[e];
                for slot in &mut self.in_term[first..after] {
                    *slot = true;
                }
            }
        }
    }

    /// Marks the agency credited in a dateline (`LONDON (Reuters) -`,
    /// `SAN FRANCISCO, Oct 3 (Reuters) -`, `TOKYO (AP) —`): a paragraph
    /// that opens with a word in capitals, then a bracketed name of at
    /// most three words right before a dash. The agency reports the story;
    /// it is never whom a pronoun or a nominal (`it said`, `the company
    /// said`) points to, so its tokens are treated like a term's.
    fn mark_credits(&mut self) {
        let doc = self.doc;
        let n = doc.toks.len();
        for p in 0..self.para_first.len() {
            let first = self.para_first[p];
            if first >= n || !doc.is_word(first) || !doc.toks[first].caps {
                continue;
            }
            let lim = (first + 10).min(n);
            let Some(open) = (first + 1..lim).find(|&k| doc.is(k, '(')) else { continue };
            // Before the bracket: the place and date only.
            if (first..open).any(|k| doc.toks[k].term || doc.toks[k].para != doc.toks[first].para) {
                continue;
            }
            let Some(close) = (open + 2..(open + 5).min(n)).find(|&k| doc.is(k, ')')) else {
                continue;
            };
            let dash = doc.toks.get(close + 1).is_some_and(|t| {
                t.kind == Kind::Punct && matches!(t.ch, '-' | '\u{2014}' | '\u{2013}')
            });
            if dash && (open + 1..close).all(|k| doc.is_word(k)) {
                for slot in &mut self.in_term[open..=close] {
                    *slot = true;
                }
            }
        }
    }

    // ------------------------------------------------------------ pairing

    /// The kind of opening mark at token `k`, if it can open a quotation.
    fn opening(&self, k: usize) -> Option<Open> {
        let doc = self.doc;
        let t = &doc.toks[k];
        let next = doc.toks.get(k + 1)?;
        if next.gap != Gap::None {
            return None; // an opening mark touches what it opens
        }
        let spaced_before = k == 0 || t.gap != Gap::None || self.opens_group(k - 1);
        match t.ch {
            '\u{201C}' => Some(Open::Curly),
            '\u{201D}' if spaced_before && next.kind != Kind::Punct => Some(Open::Curly),
            '\u{201E}' => Some(Open::Low),
            '\u{AB}' => Some(Open::Guillemet),
            '\u{300C}' => Some(Open::Corner),
            '\u{300E}' => Some(Open::WhiteCorner),
            '"' if spaced_before
                && (next.kind != Kind::Punct || "([\u{2026}.'\u{2018}".contains(next.ch)) =>
            {
                Some(Open::Straight)
            }
            '\u{2018}' | '\'' if spaced_before && next.ch.is_alphabetic() => Some(Open::Single),
            _ => None,
        }
    }

    /// Whether token `k` is a bracket, dash or mark after which an opening
    /// quotation mark may stand with no space.
    fn opens_group(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        t.kind == Kind::Punct
            && matches!(t.ch, '(' | '[' | '\u{2014}' | '\u{2013}' | '\u{201C}' | '"' | '\u{AB}')
    }

    /// Whether token `k` can close a single-mark quotation: it touches the
    /// word before it and no letter follows it.
    fn closes_single(&self, k: usize) -> bool {
        let doc = self.doc;
        let t = &doc.toks[k];
        if t.gap != Gap::None || k == 0 {
            return false;
        }
        match doc.toks.get(k + 1) {
            None => true,
            Some(nx) => nx.gap != Gap::None || nx.kind == Kind::Punct,
        }
    }

    /// Pairs the marks (token indices, in order) into quotations.
    fn pair(&mut self, marks: &[usize]) {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut cursors: [Cursor; KINDS] = Default::default();
        // A mark written where only a closing one can stand, glued to the
        // sentence's punctuation and apart from what follows (`siap,“
        // kata`, `"Kami siap,” kata`): typed with the wrong mark, it still
        // closes a quotation opened with `“` or `"`.
        let closing_shaped = |k: usize| {
            doc.toks[k].gap == Gap::None
                && after_closing_punct(doc, k)
                && doc.toks.get(k + 1).is_none_or(|t| t.gap != Gap::None)
        };
        for &k in marks {
            match doc.toks[k].ch {
                '\u{201D}' => {
                    cursors[Open::Curly as usize].at.push(k);
                    cursors[Open::Low as usize].at.push(k);
                    if closing_shaped(k) {
                        cursors[Open::Straight as usize].at.push(k);
                    }
                }
                '\u{201C}' => {
                    cursors[Open::Low as usize].at.push(k);
                    if closing_shaped(k) {
                        cursors[Open::Curly as usize].at.push(k);
                    }
                }
                '\u{BB}' => cursors[Open::Guillemet as usize].at.push(k),
                '\u{300D}' => cursors[Open::Corner as usize].at.push(k),
                '\u{300F}' => cursors[Open::WhiteCorner as usize].at.push(k),
                '"' if doc.toks[k].gap == Gap::None => cursors[Open::Straight as usize].at.push(k),
                '\u{2019}' | '\'' if self.closes_single(k) => {
                    cursors[Open::Single as usize].at.push(k)
                }
                _ => {}
            }
        }
        // For each mark, the next opening mark of the same kind (`“`, `«`,
        // `‘`), found in one backward pass: an opening mark with another one
        // before its closing mark is stray.
        let mut next_same = vec![usize::MAX; marks.len()];
        let mut seen = [usize::MAX; KINDS];
        for (i, &k) in marks.iter().enumerate().rev() {
            let kind = self.opening(k);
            if let Some(kind) = kind {
                next_same[i] = seen[kind as usize];
                seen[kind as usize] = k;
            }
        }
        let mut resume = 0;
        for (i, &k) in marks.iter().enumerate() {
            if k < resume {
                continue;
            }
            let Some(kind) = self.opening(k) else { continue };
            let Some(close) = cursors[kind as usize].next_after(k) else { continue };
            let stray = next_same[i] < close
                && doc.toks.get(next_same[i]).is_some_and(|t| t.para == doc.toks[k].para);
            if stray {
                continue;
            }
            let close = if doc.toks[close].para == doc.toks[k].para {
                close
            } else {
                match self.continued(k, kind, &mut cursors[kind as usize]) {
                    Ok(c) => c,
                    Err(stop) => {
                        resume = stop;
                        continue;
                    }
                }
            };
            if close >= n {
                continue;
            }
            if self.consider(k, close) {
                resume = close + 1;
            }
        }
    }

    /// Follows a quotation opened at token `open` over paragraphs that each
    /// start with the opening mark again. `Ok(close)` when a later
    /// paragraph closes it; `Err(resume)` when the chain breaks, with the
    /// token from which to go on (past every re-opening already seen, since
    /// those would fail the same way).
    fn continued(&self, open: usize, kind: Open, cursor: &mut Cursor) -> Result<usize, usize> {
        let doc = self.doc;
        let mut at = open;
        loop {
            let para = doc.toks[at].para as usize;
            let Some(&next_para) = self.para_first.get(para + 1) else {
                return Err(at + 1);
            };
            let last = &doc.toks[next_para - 1];
            let ends_well = last.term || (last.kind == Kind::Punct && last.ch == ':');
            let reopens = self.opening(next_para) == Some(kind);
            if !ends_well || !reopens || next_para - 1 == at {
                return Err(at + 1);
            }
            at = next_para;
            match cursor.next_after(at) {
                Some(c) if doc.toks[c].para == doc.toks[at].para => return Ok(c),
                Some(_) => {}
                None => return Err(at + 1),
            }
        }
    }

    // ------------------------------------------------------------- speech

    /// Decides on the candidate quotation between tokens `open` and `close`;
    /// whether it was accepted.
    fn consider(&mut self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        let inner = open + 1..close;
        let words = inner
            .clone()
            .filter(|&k| doc.toks[k].kind != Kind::Punct)
            .map(|k| cjk_words(doc.text_of(k)))
            .sum::<usize>();
        if words == 0 {
            return false;
        }
        let (start, end) = (doc.toks[open].start(), doc.toks[close].end());
        let fits = |f: &Found| f.near || words > 3;
        // "She said, “We have a champion.” Everybody laughed.": a
        // quotation that a cue right before it introduces (`said, “`,
        // `wrote: “`) and that ends its sentence is that cue's; a cue after
        // it (`.” Everybody laughed`, `.” He said, “…”`) opens a new
        // sentence.
        let introduced = open > 0 && (doc.is(open - 1, ',') || doc.is(open - 1, ':'));
        let ends_sentence = close > open + 1
            && doc.toks[close - 1].term
            && doc.toks.get(close + 1).is_some_and(|t| t.kind == Kind::Word && t.upper);
        // (Also with a cue of its own before it, when the sentence after it
        // announces the next quotation with a colon: `asked whether Ghana
        // needed “….” He responded at a news conference: “…”`.)
        let announces_next = || {
            let n = doc.toks.len();
            let mark = |k: usize| doc.toks[k].kind == Kind::Punct && is_mark(doc.toks[k].ch);
            let mut k = close + 1;
            while k < n && k - close < 30 && !doc.toks[k].term && !mark(k) {
                if doc.toks[k].gap >= Gap::Line {
                    return false;
                }
                k += 1;
            }
            k > close + 1 && doc.is(k - 1, ':') && k < n && mark(k)
        };
        let before_first = ends_sentence && (introduced || announces_next());
        let after = self.speaker_after(open, close).filter(fits);
        let found = match after {
            Some(a) if before_first => {
                Some(self.speaker_before(open).filter(|b| fits(b) && b.verb).unwrap_or(a))
            }
            Some(a) => Some(a),
            None => self.speaker_before(open).filter(fits),
        };
        if self.title_like(open, close, words) || self.term_like(open, close, words) {
            self.mark_term(open, close);
            return false;
        }
        // "apa yang mereka sebut “investasi emas”", "what they call “…”"
        // (Also after a possessive: `which it calls its “Safe Passage
        // Code,”`.)
        let possessive = |k: usize| {
            doc.is_word(k) && matches!(doc.low(k), "its" | "his" | "her" | "their" | "our" | "my")
        };
        let calls = |k: usize| self.cue_flags[k] & cue::CALLS != 0;
        if words <= 3
            && open > 0
            && (calls(open - 1) || open > 1 && possessive(open - 1) && calls(open - 2))
        {
            self.mark_term(open, close);
            return false;
        }
        let mut naming =
            (open.saturating_sub(3)..open).any(|k| self.cue_flags[k] & cue::NAMING != 0);
        // "The Glasgow Herald called it “a bridge with the manners of a
        // cathedral”": four words or more after `called` and its object
        // are the caller's words (fewer are a term: `called the decision
        // “a betrayal.”`).
        // "… that he “respects …” and asked managers to avoid “anything
        // …”": a quotation carrying on the sentence of the one before,
        // with nobody new between, is that one's speaker's.
        let found = match found {
            Some(f) if f.verb && f.speaker.is_none() => match self.shares_last(open) {
                Some(sp) => Some(Found { speaker: Some(sp), ..f }),
                None => Some(f),
            },
            None if words > 3 && self.speechlike(open, close, words) => self
                .shares_last(open)
                .map(|sp| Found { speaker: Some(sp), near: false, verb: true }),
            other => other,
        };
        // (Also over a verb of saying away from the marks, which is a
        // later clause's: `has called them “…”, and in her study she
        // quoted X as saying`.)
        let found = match found {
            Some(f) if f.verb && (f.near || !naming) => Some(f),
            other => match self.caller(open, words).or_else(|| self.accuser(open, words)) {
                Some(sp) => {
                    naming = false;
                    Some(Found { speaker: sp, near: false, verb: true })
                }
                None => other,
            },
        };
        // A verb of saying whose speaker names nobody ("the company said",
        // "kata seorang warga"): a pronoun after it means that speaker.
        // (Not the narrator's own `I said`, `we asked`: a `she` after it
        // means someone else.)
        // (Nor a thing's: `It said only that the Council “…”` about a
        // letter does not stop a later `she`.)
        let unnamed = found.as_ref().is_some_and(|f| f.verb && f.speaker.is_none())
            && !self.first_person_cue(open, close)
            && !self.it_cue(open, close);
        let speaker = match found {
            Some(f) if naming && !f.near => None,
            // "Menko Polkam Budi Gunawan: 'Situasi Keamanan Terkendali'": a
            // headline's quotation after its speaker's name and a colon.
            Some(f) if !f.verb && self.headline_quote(open, close) => Some(f.speaker),
            Some(f) if !f.verb && !self.speechlike(open, close, words) => None,
            Some(f) => Some(f.speaker),
            // "John Key said he believes the flag now has a “strong
            // rationale”.": a few words closing a sentence whose verb of
            // saying governs them.
            None if (2..=3).contains(&words) && !naming && self.governed_fragment(open, close) => {
                // (Only with a named speaker: "has been told to prepare a
                // “quasi-state of war”" names nobody, and the words are a
                // term.)
                match self.speaker_before(open) {
                    Some(Found { speaker: Some(e), verb: true, .. }) => Some(Some(e)),
                    _ => None,
                }
            }
            // "“…,” she said. “Nothing at all.”": a short sentence right
            // after a quotation continues it.
            None if words <= 3 && !naming && self.continues_last(open, close) => {
                Some(self.bare_speaker(open, close))
            }
            // "“Thank you,” Obama told the crowd in Chicago, “for
            // everything.”": the rest of an interrupted quotation.
            None if words <= 3 && !naming && self.resumes_last(open) => {
                Some(self.last.and_then(|(_, _, sp)| sp))
            }
            // "Bass struck a defiant tone. “We will rebuild.”": two or
            // three words that are a sentence of their own are speech
            // when the sentences before say whose.
            None if (2..=3).contains(&words) && !naming && self.own_sentence(open, close) => {
                self.bare_speaker(open, close).map(Some)
            }
            None if words <= 3 || naming || !self.speechlike(open, close, words) => None,
            // With no cue, a quotation inside a clause (`studies “the
            // amazing adaptations …”`) quotes words, not a speaker.
            None if !self.clause_initial(open) => None,
            None => Some(self.bare_speaker(open, close)),
        };
        let Some(speaker) = speaker else {
            self.mark_term(open, close);
            return false;
        };
        let speaker = speaker.or_else(|| self.named_after(open, close));
        let speaker = speaker.map(|e| self.full.get(e).copied().unwrap_or(e));
        let index = u32::try_from(self.quotes.len()).unwrap_or(NONE);
        for slot in &mut self.quote_of[open..=close] {
            *slot = index;
        }
        self.last = Some((close, doc.toks[open].para, speaker));
        self.quotes.push(Span { speaker, ..Span::new(labels::QUOTE, start, end) });
        self.quote_unnamed.push(unnamed && speaker.is_none());
        self.quote_open.push(open);
        true
    }

    /// A name given after words nobody was named for (English only): `she
    /// said, “…” I learned later that her name was Anna Berg.` — `his` or
    /// `her`, `name`, `was`/`is` and a person's name in the two sentences
    /// after the quotation `open`..`close`, in its paragraph; or a
    /// sentence right after it that opens with `The`, a role word and a
    /// person's name set off by commas, when the sentences before the
    /// quotation brought in someone by that role with `a`/`an` (`… a
    /// superintendent at the station …: “…” The superintendent, Carys
    /// Hopkin, said`).
    fn named_after(&self, open: usize, close: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En {
            return None;
        }
        let n = doc.toks.len();
        if close + 5 < n && (doc.toks[close - 1].term || doc.is(close + 1, '.')) {
            let k = if doc.toks[close - 1].term { close + 1 } else { close + 2 };
            let role = k + 4 < n
                && doc.is_word(k)
                && doc.low(k) == "the"
                && doc.toks[k].upper
                && doc.is_word(k + 1)
                && !doc.toks[k + 1].upper
                && doc.is(k + 2, ',');
            let e = self.ent(k + 3).filter(|&e| {
                role && self.is_person(e)
                    && self.ent_toks[e].0 == k + 3
                    && doc.is(self.ent_toks[e].1, ',')
            });
            if let Some(e) = e {
                let word = doc.low(k + 1);
                let from = open.saturating_sub(LOOKBACK);
                let introduced = (from + 1..open).any(|j| {
                    doc.is_word(j)
                        && doc.low(j) == word
                        && doc.is_word(j - 1)
                        && matches!(doc.low(j - 1), "a" | "an")
                });
                if introduced {
                    return Some(e);
                }
            }
        }
        let mut ends = 0;
        let mut k = close + 1;
        while k + 3 < n && k - close < 40 && doc.toks[k].gap < Gap::Para {
            if doc.toks[k].term {
                ends += 1;
                if ends == 2 {
                    break;
                }
            }
            let t = &doc.toks[k];
            if self.quote_of[k] != NONE || t.kind == Kind::Punct && is_double_mark(t.ch) {
                break;
            }
            let named = doc.is_word(k)
                && matches!(doc.low(k), "his" | "her")
                && doc.low(k + 1) == "name"
                && matches!(doc.low(k + 2), "was" | "is");
            if named {
                return self.ent(k + 3).filter(|&e| self.is_person(e));
            }
            k += 1;
        }
        None
    }

    /// Whether the verb of saying of the quotation `open`..`close` has `it`
    /// as its subject (`It said only that “…”`, `“…,” it said`).
    fn it_cue(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        let it_verb = |k: usize| {
            doc.is_word(k)
                && doc.low(k) == "it"
                && k + 1 < n
                && self.cue_flags[k + 1] & cue::VERB != 0
        };
        let start = self.sentence_start(open);
        (start..open).any(|k| self.quote_of[k] == NONE && it_verb(k))
            || (close + 1..(close + 3).min(n)).any(it_verb)
    }

    /// The speaker of a quotation of four words or more (`words`) opening
    /// at token `open` right after `call` and its object of one to three
    /// lower-case words (`called it`, `called her loaves`, `called him`):
    /// `Some` with the subject of `call` (`None` inside when it names
    /// nobody), `None` when the quotation does not stand so.
    fn caller(&self, open: usize, words: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if words < 4 || doc.lang != super::tokens::Lang::En {
            return None;
        }
        let mut c = open;
        while c > 0 && open - c <= 3 {
            let k = c - 1;
            // (A year may be part of the object: `called the 1772 treatise
            // “…”`.)
            let number = doc.toks[k].kind == Kind::Number && k + 1 < open;
            if !(doc.is_word(k) || number) || doc.toks[k].upper || self.quote_of[k] != NONE {
                return None;
            }
            if matches!(doc.low(k), "call" | "calls" | "called" | "calling") {
                if k + 1 == open {
                    return None; // `a podcast called “…”` names it
                }
                let from = self.sentence_start(k);
                return Some(self.subject_before(k, from, open).flatten());
            }
            c = k;
        }
        None
    }

    /// The speaker of words quoted as an accusation (English only): `X
    /// accused the government of “running the hospitals on goodwill.”`
    /// — `of` right before the marks, `accused`/`accuses`/`accusing` at
    /// most five words before it, three words or more inside: the words
    /// are the accuser's, the subject of the verb.
    fn accuser(&self, open: usize, words: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if words < 3
            || doc.lang != super::tokens::Lang::En
            || open < 3
            || !doc.is_word(open - 1)
            || doc.low(open - 1) != "of"
        {
            return None;
        }
        let k = (open.saturating_sub(7)..open - 2).rev().find(|&k| {
            doc.is_word(k) && matches!(doc.low(k), "accused" | "accuses" | "accusing" | "accuse")
        })?;
        if (k + 1..open - 1).any(|x| !doc.is_word(x) || self.quote_of[x] != NONE) {
            return None;
        }
        let from = self.sentence_start(k);
        Some(self.subject_before(k, from, open).flatten())
    }

    /// Whether the verb of saying next to the quotation `open`..`close` has
    /// the narrator's `I` or `we` for subject (`“No,” I said`, `I asked
    /// her: “…”`), looking a few tokens either side.
    fn first_person_cue(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        let narrator = |k: usize| {
            doc.is_word(k)
                && matches!(doc.low(k), "i" | "we")
                && self.cue_flags.get(k + 1).is_some_and(|f| f & cue::VERB != 0)
        };
        (close + 1..(close + 3).min(n)).any(narrator)
            || (open.saturating_sub(4)..open).any(narrator)
    }

    /// Whether the sentence of the verb at token `c` opens with an
    /// indefinite subject that names nobody, with no name or pronoun
    /// before the verb (English: `One of the younger volunteers, a diving
    /// student from Sudbury, described the descent as “…”`, `A neighbour
    /// who saw the fire said`).
    fn indefinite_subject(&self, c: usize) -> bool {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En {
            return false;
        }
        let s = self.sentence_start(c);
        if s >= c || !doc.is_word(s) || self.quote_of[s] != NONE {
            return false;
        }
        let opens = match doc.low(s) {
            "a" | "an" | "another" | "several" | "many" => doc.is_word(s + 1),
            "one" | "some" => doc.is_word(s + 1) && doc.low(s + 1) == "of",
            _ => false,
        };
        // (A name after a preposition is the unnamed one's employer or
        // friend, not the subject: `A spokesperson for Mr Haverford said`,
        // `A neighbour of the Smiths said`.)
        let of_someone = |k: usize| {
            let mut p = k;
            while p > s + 1 && doc.is_word(p - 1) && doc.toks[p - 1].upper {
                p -= 1;
            }
            doc.is_word(p - 1)
                && matches!(doc.low(p - 1), "for" | "of" | "at" | "from" | "with" | "to")
        };
        opens
            && (s..c).all(|k| {
                // (Nor is a name before the noun it modifies: `A former
                // Tidewater dispatcher said`.)
                let modifier = |e: usize| {
                    let b = self.ent_toks[e].1;
                    b < c && doc.is_word(b) && !doc.toks[b].upper
                };
                self.ent(k).is_none_or(|e| self.ent_toks[e].0 < k || of_someone(k) || modifier(e))
                    && self.quote_of[k] == NONE
                    && self.cue_flags[k] & (cue::PERSON_PRONOUN | cue::ORG_PRONOUN | cue::VERB) == 0
            })
    }

    /// The speaker of the paragraph's last quotation when the sentence
    /// `from`..`open` right after it is a few words naming nobody before a
    /// colon (`She says, “Nobody has to put up a sign.” Then, after a
    /// moment: “The water is the sign.”`): no name, pronoun or verb of
    /// saying, no capital but the first word's.
    fn carried_by_colon(&self, from: usize, open: usize) -> Option<usize> {
        let doc = self.doc;
        let (last, para, speaker) = self.last?;
        if last + 1 != from || para != doc.toks[open].para || open - from > 8 {
            return None;
        }
        let plain = (from..open - 1).all(|k| {
            let t = &doc.toks[k];
            if t.kind == Kind::Punct {
                return t.ch == ',';
            }
            self.ent(k).is_none()
                && self.cue_flags[k] & (cue::VERB | cue::PERSON_PRONOUN | cue::ORG_PRONOUN) == 0
                && (k == from || !t.upper)
        });
        if plain {
            speaker
        } else {
            None
        }
    }

    /// Whether the quotation opening at token `open` resumes the last
    /// one after its attribution (English only): the last one ends with a
    /// comma inside its marks, a verb of saying follows in the same
    /// sentence, and a comma right before `open` closes the attribution
    /// (`“Thank you,” Obama told the crowd in Chicago, “for everything.”`).
    /// The attribution is at most 16 tokens long.
    fn resumes_last(&self, open: usize) -> bool {
        let doc = self.doc;
        let Some((last, para, _)) = self.last else { return false };
        doc.lang == super::tokens::Lang::En
            && para == doc.toks[open].para
            && last + 2 < open
            && open - last <= 16
            && doc.is(last - 1, ',')
            && doc.is(open - 1, ',')
            && (last + 1..open - 1).all(|k| !self.stops(k))
            && (last + 1..open).any(|k| self.cue_flags[k] & cue::VERB != 0)
    }

    /// Whether the short quotation `open`..`close` is a sentence of its own
    /// (a capital first, a sentence mark last) opening a sentence right
    /// after the previous quotation of the paragraph, with at most its
    /// attribution between (`“…,” Wren said. “Well, it couldn't.”`; a
    /// longer one, up to 24 tokens, with a verb of saying in it: `“…,”
    /// said Fatima Bello, 41, a market trader in Kano. “Prices have
    /// doubled.”`).
    fn continues_last(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        let Some((last, para, _)) = self.last else { return false };
        let sentence = doc.toks[close - 1].term
            && doc.is_word(open + 1)
            && doc.toks[open + 1].upper
            && open > 0
            && (doc.toks[open - 1].term || (open - 1 == last && doc.toks[last - 1].term));
        sentence
            && para == doc.toks[open].para
            && open > last
            && (open - last <= 12
                || open - last <= 24
                    && (last + 1..open).any(|k| self.cue_flags[k] & cue::VERB != 0))
            && (last + 1..open).all(|k| !self.stops(k) || k + 1 == open)
    }

    /// The speaker of the quotation before `open` when this one carries on
    /// its sentence with nobody new (English only): `wrote … that he
    /// “respects the right …” and asked managers to avoid “anything …”`,
    /// `said that he had “enormous respect …,” but that the city needed
    /// “someone who …”`. Between the two: at most ten tokens in the
    /// paragraph, no sentence end (the first quotation does not end one
    /// either), no name, no pronoun or article, and a verb of saying only
    /// right after `and`/`but` (a verb sharing the subject).
    fn shares_last(&self, open: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En {
            return None;
        }
        let (last, para, speaker) = self.last?;
        let speaker = speaker?;
        if para != doc.toks[open].para || open <= last + 1 || open - last > 11 {
            return None;
        }
        if doc.toks[last - 1].term {
            return None;
        }
        let ok = (last + 1..open).all(|k| {
            let t = &doc.toks[k];
            if t.term || t.gap >= Gap::Line || self.ent(k).is_some() || self.quote_of[k] != NONE {
                return false;
            }
            if t.kind != Kind::Word {
                return true;
            }
            let low = doc.low(k);
            let determiner = matches!(
                low,
                "he" | "she" | "they" | "i" | "we" | "it" | "you" | "a" | "an" | "one" | "who"
            );
            let verb = self.cue_flags[k] & cue::VERB != 0;
            !determiner && (!verb || k > last + 1 && matches!(doc.low(k - 1), "and" | "but"))
        });
        ok.then_some(speaker)
    }

    /// Whether the quotation is a term rather than speech whatever cue is
    /// near: a single word with no punctuation inside (`declared it
    /// “incomprehensible”`, `menyebutnya “pasif”`), or words quoted inside a
    /// noun phrase, between an article and the noun they modify (`the
    /// “immediate-constituent” theory`), or a name someone gives himself.
    fn term_like(&self, open: usize, close: usize, words: usize) -> bool {
        let doc = self.doc;
        let punct = (open + 1..close).any(|k| doc.toks[k].kind == Kind::Punct);
        if words == 1 && !punct {
            return true;
        }
        let article = open > 0 && self.cue_flags[open - 1] & cue::DETERMINER != 0;
        let modifies = doc.is_word(close + 1)
            && doc.toks[close + 1].gap == Gap::Space
            && !doc.toks[close + 1].upper
            && self.cue_flags[close + 1] == 0;
        // "proclaimed himself “Norton I, Emperor of the United States”",
        // "menyebut dirinya “…”": a name given to oneself.
        let reflexive = open > 0
            && doc.is_word(open - 1)
            && matches!(
                doc.low(open - 1),
                "himself" | "herself" | "itself" | "themselves" | "dirinya"
            );
        let sentence = (open + 1..close).any(|k| doc.toks[k].term);
        // "described by … as the ‘Queen of the curve’": a phrase named
        // after `as the`/`as a` (an article inside the marks, `as “a
        // planet in her own orbit.”`, quotes words instead).
        let as_named = open >= 2
            && (article || matches!(doc.low(open - 1), "a" | "an"))
            && doc.is_word(open - 2)
            && doc.low(open - 2) == "as";
        (article && !punct && modifies) || (reflexive && !sentence) || (as_named && !sentence)
    }

    /// Whether the short quotation `open`..`close` closes its sentence
    /// right after an article (`has a “strong rationale”.`), or closes a
    /// clause that `that`/`bahwa` opens after a verb of saying: the shape
    /// of a fragment that a verb of saying earlier in the sentence governs.
    fn governed_fragment(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        // (The article may open the quoted words: `faced “a long road”`.)
        let is_article = |k: usize| doc.is_word(k) && matches!(doc.low(k), "a" | "an" | "the");
        let article = open > 0 && is_article(open - 1) || is_article(open + 1);
        // (Or stand as the complement of a copula or of a verb of saying's
        // preposition: `said she was “very happy.”`, `warned of “serious
        // consequences.”`, `described the result as “fantastic news.”`.)
        let word_before = |k: usize| open > k && doc.is_word(open - k);
        let complement = word_before(1)
            && (matches!(
                doc.low(open - 1),
                "is" | "was" | "were" | "are" | "be" | "been" | "remained" | "seemed" | "felt"
            ) || matches!(doc.low(open - 1), "of" | "about" | "as")
                && (open.saturating_sub(5)..open - 1).any(|k| self.cue_flags[k] & cue::VERB != 0));
        // (Or close a clause that `that`/`bahwa` after a verb of saying
        // opens: `menyampaikan bahwa pemerintah “terus memantau situasi”.`;
        // in English also after a participle, `adding that he would “take
        // full responsibility.”`, a statement noun after the verb, `said in
        // a statement that Israel “bears full responsibility.”`, or `told`
        // and its audience, `told supporters in Kisumu that the law would
        // “punish the poor.”`.)
        let en = doc.lang == super::tokens::Lang::En;
        let saying = if en { cue::VERB | cue::PARTICIPLE } else { cue::VERB };
        let reported = (open.saturating_sub(8)..open).any(|k| {
            let stated = || {
                en && k > 0
                    && self.cue_flags[k - 1] & cue::NOUN != 0
                    && (k.saturating_sub(5)..k - 1).any(|v| self.cue_flags[v] & cue::VERB != 0)
            };
            let told = || {
                en && (k.saturating_sub(5)..k).any(|v| doc.is_word(v) && takes_audience(doc.low(v)))
            };
            self.cue_flags[k] & cue::THAT != 0
                && ((k.saturating_sub(3)..k).any(|v| self.cue_flags[v] & saying != 0)
                    || stated()
                    || told())
        });
        // (Or stand as the object's complement of a verb of saying, one to
        // three words on, with nothing but words between: `menilai langkah
        // itu “terlalu terburu-buru”.`, `called the plan “deeply
        // flawed”` is a naming and is left to the caller.)
        let object = (open.saturating_sub(4)..open.saturating_sub(1)).any(|v| {
            self.cue_flags[v] & cue::VERB != 0
                && self.cue_flags[v] & (cue::NAMING | cue::CALLS) == 0
                && (v + 1..open).all(|k| {
                    doc.is_word(k)
                        && self.cue_flags[k] & (cue::VERB | cue::NAMING | cue::CALLS) == 0
                })
        });
        let clause = complement || reported || object;
        let article = article || clause;
        // (Or goes on with a preposition or a conjunction after it, not a
        // noun it modifies: `faced “a long road” to prove`, `needed “a
        // clean slate” after a year`; or ends a headline. After a copula
        // or a `that`, a new clause may follow too: `said the decision
        // was “deeply disappointing” and vowed to appeal`.)
        let next = close + 1;
        let goes_on = doc.is_word(next)
            && doc.toks[next].gap == Gap::Space
            && (clause && matches!(doc.low(next), "and" | "but" | "dan" | "tetapi" | "namun")
                || matches!(
                    doc.low(next),
                    "to" | "after"
                        | "before"
                        | "for"
                        | "in"
                        | "on"
                        | "with"
                        | "over"
                        | "because"
                        | "since"
                        | "until"
                        | "from"
                        | "at"
                        | "by"
                        | "if"
                        | "unless"
                ));
        // (A clause comma inside the marks ends the words too: `said the
        // routes were “not commercially viable,” and a woman shouted`.)
        // (Or the words are a verb phrase, which no term or title is,
        // governed as a clause: `said the club “will never accept” any
        // offer`, `menegaskan bahwa keamanan kawasan “tidak dapat
        // dipisahkan” dari Asia`.)
        let verbal = clause
            && doc.is_word(open + 1)
            && matches!(
                doc.low(open + 1),
                "will"
                    | "would"
                    | "never"
                    | "not"
                    | "cannot"
                    | "must"
                    | "should"
                    | "could"
                    | "can"
                    | "tidak"
                    | "tak"
                    | "akan"
                    | "harus"
                    | "bisa"
                    | "dapat"
                    | "belum"
                    | "sudah"
                    | "telah"
            );
        let ends = doc.toks.get(next).is_none_or(|t| t.term || t.gap >= Gap::Line)
            || doc.toks[close - 1].term
            || doc.is(close - 1, ',')
            || goes_on
            || verbal;
        let inner_punct = (open + 1..close - 1).any(|k| doc.toks[k].kind == Kind::Punct);
        article && ends && !inner_punct
    }

    /// Remembers that the marks `open`..`close` hold a term or a title, so
    /// that a name inside (`“How To Avoid Talking To People …”`) is never
    /// taken for someone a pronoun points to.
    fn mark_term(&mut self, open: usize, close: usize) {
        for slot in &mut self.in_term[open..=close] {
            *slot = true;
        }
    }

    /// Whether a quotation with no cue reads like speech rather than a
    /// title or a term (see the module doc).
    fn speechlike(&self, open: usize, close: usize, words: usize) -> bool {
        let doc = self.doc;
        let inner = open + 1..close;
        let sentence = inner.clone().any(|k| {
            let t = &doc.toks[k];
            t.term || (t.kind == Kind::Punct && matches!(t.ch, ',' | ';') && k + 1 == close)
        });
        if !sentence && words < 8 {
            return false;
        }
        let caps = inner.filter(|&k| doc.toks[k].kind == Kind::Word && doc.toks[k].upper).count();
        sentence || caps * 4 < words * 3
    }

    /// Whether the quotation `open`..`close` is a sentence of its own: it
    /// opens a sentence or a line, its words start with a capital and end
    /// with a sentence mark, and a new sentence or the line's end follows.
    fn own_sentence(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        let opens = open == 0
            || doc.toks[open].gap >= Gap::Line
            || doc.toks[open - 1].term && self.quote_of[open - 1] == NONE;
        let ends = doc
            .toks
            .get(close + 1)
            .is_none_or(|t| t.gap >= Gap::Line || t.kind == Kind::Word && t.upper);
        opens
            && ends
            && close > open + 2
            && doc.is_word(open + 1)
            && doc.toks[open + 1].upper
            && doc.toks[close - 1].term
    }

    /// Whether the mark at token `open` starts a sentence or a clause: it
    /// is the first token, or follows a sentence end, a line break or a
    /// punctuation mark.
    fn clause_initial(&self, open: usize) -> bool {
        let doc = self.doc;
        open == 0 || doc.toks[open].gap >= Gap::Line || doc.toks[open - 1].kind == Kind::Punct
    }

    /// Whether the quotation `open`..`close` is a headline's: it ends its
    /// line, and a colon right before it follows a person's name that
    /// only capitalised words (a title) precede on the line.
    fn headline_quote(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        if open < 2 || !doc.is(open - 1, ':') {
            return false;
        }
        let Some(e) = self.ent(open - 2).filter(|&e| self.is_person(e)) else { return false };
        let (first, after) = self.ent_toks[e];
        let ends_line = |k: usize| doc.toks.get(k).is_none_or(|t| t.gap >= Gap::Line);
        let line_ends = ends_line(close + 1) || doc.toks[close + 1].term && ends_line(close + 2);
        let mut k = first;
        while k > 0 && doc.toks[k].gap < Gap::Line && doc.is_word(k - 1) && doc.toks[k - 1].upper {
            k -= 1;
        }
        after == open - 1 && line_ends && (k == 0 || doc.toks[k].gap >= Gap::Line)
    }

    /// Whether the quotation looks like the title of something: no
    /// sentence mark or clause comma inside, most words capitalised, and it
    /// is not introduced by a comma, a colon or a verb of saying (`says on
    /// “The Internet Explorer 6 Countdown”`).
    fn title_like(&self, open: usize, close: usize, words: usize) -> bool {
        let doc = self.doc;
        if words > 10 || open == 0 {
            return false;
        }
        let inner = open + 1..close;
        let sentence = inner.clone().any(|k| {
            let t = &doc.toks[k];
            t.term || (t.kind == Kind::Punct && matches!(t.ch, ',' | ';' | ':'))
        });
        let caps = inner.filter(|&k| doc.toks[k].kind == Kind::Word && doc.toks[k].upper).count();
        let p = open - 1;
        let introduced = doc.is(p, ',') || doc.is(p, ':') || self.cue_at(p).is_some();
        if !sentence && caps * 4 >= words * 3 && !introduced {
            return true;
        }
        // "His most famous work, “The Art of Conjecturing, With a Treatise
        // on Infinite Series”, was published": after a word for a work,
        // half the words capitalised and no sentence mark is a title.
        let w = if doc.is(p, ',') && p > 0 { p - 1 } else { p };
        // (So after `published as`, `released as`: `his memoirs, published
        // in 1965 as “Notes from the Pit”`.)
        let published = doc.is_word(p)
            && doc.low(p) == "as"
            && (p.saturating_sub(5)..p).any(|k| {
                doc.is_word(k)
                    && matches!(
                        doc.low(k),
                        "published" | "released" | "issued" | "reissued" | "translated"
                    )
            });
        let work = published
            || doc.is_word(w)
                && matches!(
                    doc.low(w),
                    "book"
                        | "novel"
                        | "poem"
                        | "song"
                        | "album"
                        | "film"
                        | "movie"
                        | "play"
                        | "paper"
                        | "article"
                        | "essay"
                        | "work"
                        | "painting"
                        | "series"
                        | "show"
                        | "episode"
                        | "opera"
                        | "single"
                        | "treatise"
                        | "collection"
                        | "story"
                        | "memoir"
                        | "autobiography"
                        | "biography"
                        | "thesis"
                        | "musical"
                        | "sculpture"
                );
        // (A sentence mark right before the closing mark ends the
        // sentence around the title: `her memoir, “Flour on My Hands.”`)
        let ends = (open + 1..close - 1).any(|k| doc.toks[k].term);
        work && !ends && caps * 2 >= words
    }

    // ----------------------------------------------------------- speakers

    /// The PERSON/ORG entity covering token `k`.
    fn ent(&self, k: usize) -> Option<usize> {
        self.ent_of.get(k).filter(|&&e| e != NONE).map(|&e| e as usize)
    }

    /// Whether span `e` is a PERSON.
    fn is_person(&self, e: usize) -> bool {
        self.ents[e].label == labels::PERSON
    }

    /// Whether token `k` ends the search for a cue: a sentence end or a
    /// double quotation mark.
    fn stops(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        t.term || (t.kind == Kind::Punct && is_double_mark(t.ch))
    }

    /// The cue at token `k`: its length in tokens and its flags. Only the
    /// kinds that attribute speech count (verbs, participles, passives,
    /// `menurut` / `according to`, statement nouns).
    fn cue_at(&self, k: usize) -> Option<(usize, u16)> {
        const SPEECH: u16 =
            cue::VERB | cue::PRON | cue::ACCORDING | cue::PARTICIPLE | cue::PASSIVE | cue::NOUN;
        let f = *self.cue_flags.get(k)?;
        if f & SPEECH != 0 {
            return Some((1, f));
        }
        // Two-word cues: `according to`, `call for`, `(in the) words of`.
        let doc = self.doc;
        // "In Kessler's words, Aalders “…”", "He was, in his own words,
        // “…”": a cue of its own, the possessor's.
        if doc.is_word(k) && doc.low(k) == "words" && self.in_words(k).is_some() {
            return Some((1, cue::ACCORDING));
        }
        if !doc.is_word(k + 1) || doc.toks[k + 1].gap != Gap::Space {
            return None;
        }
        match (doc.low(k), doc.low(k + 1)) {
            ("according", "to") => Some((2, cue::ACCORDING)),
            // "Holt pointed out that “…”", "As Holt put it, “…”"
            ("pointed" | "points" | "pointing", "out") => {
                Some((2, if doc.low(k) == "pointing" { cue::PARTICIPLE } else { cue::VERB }))
            }
            ("put", "it")
                if doc.toks.get(k + 2).is_some_and(|t| {
                    t.kind == Kind::Punct && matches!(t.ch, ',' | ':' | '\u{2014}')
                }) =>
            {
                Some((2, cue::VERB))
            }
            // "To quote Holt, “…”"
            ("to", "quote") if self.ent(k + 2).is_some() => Some((2, cue::ACCORDING)),
            // "Jerome used a quote from Virgil — “…” —", "the line of
            // Vergil, “…”": the words of whoever follows.
            ("quote" | "quotation" | "line" | "lines", "from") | ("line" | "lines", "of")
                if doc.lang == super::tokens::Lang::En
                    && self.ent(k + 2).is_some_and(|e| self.is_person(e)) =>
            {
                Some((2, cue::ACCORDING))
            }
            ("call" | "calls" | "called" | "calling", "for") => Some((2, cue::VERB)),
            // "in the words of the Crown prosecutor, Mark Tedeschi, “…”"
            ("words", "of") if k >= 2 && doc.low(k - 1) == "the" && doc.low(k - 2) == "in" => {
                Some((2, cue::ACCORDING))
            }
            _ => None,
        }
    }

    /// The passive verb of Indonesian words at token `k` that sum a
    /// quotation up and say who said it: `Hal itu disampaikan …`,
    /// `Keluhan tersebut diungkapkan …`, `Demikian dikatakan …`.
    fn recap_at(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang == super::tokens::Lang::En || !doc.is_word(k) {
            return None;
        }
        let passive = |p: usize| self.cue_flags.get(p).is_some_and(|f| f & cue::PASSIVE != 0);
        if doc.low(k) == "demikian" {
            return passive(k + 1).then_some(k + 1);
        }
        let noun = matches!(
            doc.low(k),
            "hal"
                | "pernyataan"
                | "keterangan"
                | "keluhan"
                | "ucapan"
                | "penjelasan"
                | "harapan"
                | "pesan"
                | "kalimat"
                | "komentar"
                | "pengakuan"
                | "tanggapan"
                | "jawaban"
                | "imbauan"
                | "permintaan"
                | "paparan"
        );
        let this = doc.is_word(k + 1) && matches!(doc.low(k + 1), "itu" | "tersebut" | "ini");
        (noun && this && passive(k + 2)).then_some(k + 2)
    }

    /// Looks after the closing mark `close` for a dash and a name, or a cue.
    fn speaker_after(&self, open: usize, close: usize) -> Option<Found> {
        let doc = self.doc;
        let n = doc.toks.len();
        let lim = (close + 1 + AFTER_WINDOW).min(n);
        // (Words summing the quotation up may open the next paragraph:
        // `.”` ¶ `Hal itu disampaikan Kepala BNPB Suharyanto.`)
        let recap = self.recap_at(close + 1);
        let mut end = if recap.is_some() { close + 2 } else { close + 1 };
        while end < lim && !self.stops(end) && doc.toks[end].gap < Gap::Para {
            end += 1;
        }
        // `"…" - Matthew Ingram`, `"…" -- Mary Holt`
        let dash = |k: usize| {
            doc.toks.get(k).is_some_and(|t| {
                t.kind == Kind::Punct && matches!(t.ch, '-' | '\u{2014}' | '\u{2013}')
            })
        };
        if end > close + 2 && dash(close + 1) {
            let at = if dash(close + 2) { close + 3 } else { close + 2 };
            // (A title may come first: `“…” – Labour MP Diane Abbott`.)
            let mut k = at;
            while k < end
                && k < at + 4
                && self.ent(k).is_none()
                && doc.is_word(k)
                && doc.toks[k].upper
            {
                k += 1;
            }
            if let Some(e) = self.ent(k) {
                // A person's name that ends the line, the sentence or the
                // text, or has an appositive after it (`– Diane Abbott,
                // Labour MP.`), attributes the words as a verb would, so
                // they need not read as a sentence.
                let next = self.ent_toks[e].1;
                let alone = doc.toks.get(next).is_none_or(|t| {
                    t.term || t.gap >= Gap::Line || t.kind == Kind::Punct && t.ch == ','
                });
                return Some(Found {
                    speaker: Some(e),
                    near: true,
                    verb: alone && self.is_person(e),
                });
            }
        }
        // A quotation that ends its own sentence only takes a cue right
        // after it: `." he said`, not `." Lydia Buchtmann … says`.
        // Nor does one that ends with no comma when no comma follows the
        // mark: `“…” One poster admitted` is a new sentence.
        let last = &doc.toks[close - 1];
        // (After a question or an exclamation, a lower-case word goes on
        // with the sentence: `“…?” one reporter asked`.)
        let goes_on =
            matches!(last.ch, '?' | '!') && doc.is_word(close + 1) && !doc.toks[close + 1].upper;
        let ends_sentence = close > open + 1 && last.term && !goes_on;
        let comma = |t: &super::tokens::Token| {
            t.kind == Kind::Punct && matches!(t.ch, ',' | '?' | '!' | '\u{2014}' | '\u{2013}' | '-')
        };
        let joined = comma(last) || doc.toks.get(close + 1).is_some_and(comma);
        // (Or a passive verb after words that sum the quotation up: `.”
        // Hal itu disampaikan Menteri …`.)
        // (A name of several words, or with a title, counts as one:
        // `.” Mark Rutte said`, `?” Ms Thorne asked`.)
        let subject_end = || {
            let mut k = close + 1;
            while k < end
                && k < close + 4
                && self.ent(k).is_none()
                && doc.is_word(k)
                && doc.toks[k].upper
                && doc.toks[k].flags & TITLE != 0
            {
                k += 1;
                if doc.is(k, '.') && !doc.toks[k].term {
                    k += 1;
                }
            }
            self.ent(k).map_or(close + 2, |e| self.ent_toks[e].1)
        };
        let reach = if let Some(p) = recap {
            (p + 1).min(end)
        } else if ends_sentence || !joined {
            (subject_end() + 1).max(close + 3).min(end)
        } else {
            end
        };
        let from = recap.unwrap_or(close + 1);
        let (c, len, f) = (from..reach).find_map(|k| self.cue_at(k).map(|(l, f)| (k, l, f)))?;
        // After a quotation that ends its sentence, "Zenghelis described
        // her as …" or "He said that …" starts a new statement: a verb
        // with an object or a clause after it does not attribute.
        // (`told` takes its audience as object: `.” Holst told a news
        // conference` attributes.)
        // (But not `.” I told her that nobody …`: an audience followed by
        // `that` and a clause is a new statement.)
        let audience = takes_audience(doc.low(c))
            && (c + len..(c + len + 3).min(n)).all(|k| self.cue_flags[k] & cue::THAT == 0);
        if (ends_sentence || !joined) && !audience && doc.is_word(c + len) {
            let next = doc.low(c + len);
            let takes_object = self.cue_flags[c + len] & (cue::THAT | cue::DETERMINER) != 0
                || matches!(
                    next,
                    "her" | "him" | "them" | "it" | "as" | "a" | "an" | "his" | "their"
                );
            // (Nor, in English, a pronoun opening a new sentence with
            // more after its verb: `.” He wrote every morning until …`;
            // the lower-case `.” he said` attributes.)
            let new_sentence = ends_sentence
                && doc.lang == super::tokens::Lang::En
                && c == close + 2
                && doc.toks[close + 1].upper
                && self.cue_flags[close + 1] & cue::PERSON_PRONOUN != 0;
            if takes_object || new_sentence {
                return None;
            }
        }
        // "“…” and told the police": a verb joined to the quoted clause,
        // not an attribution of it.
        if c > close + 1 && self.cue_flags[c - 1] & cue::AND != 0 {
            return None;
        }
        let speaker = self.resolve(c, len, f, close + 1, end, Side::After, open);
        // "She said the changes were “fair and firm,” adding: “…”": a
        // participle right after the quotation has the subject of the verb
        // of saying before it.
        let speaker = match speaker {
            None if c == close + 1 && f & cue::PARTICIPLE != 0 && f & cue::VERB == 0 => {
                self.speaker_before(open).filter(|b| b.verb).and_then(|b| b.speaker)
            }
            s => s,
        };
        // Only marks, a name or a pronoun may stand between a short
        // quotation and its cue: `“Tidak,” kata dia`, `“No,” Rutte said`,
        // not `“lumbung pangan” yang menurutnya`.
        // (Or an article and its noun: `“We will appeal,” the company
        // said`.)
        let near = c.saturating_sub(close + 1) <= 2
            && (close + 1..c).all(|k| {
                doc.toks[k].kind == Kind::Punct
                    || self.ent(k).is_some()
                    || self.cue_flags[k]
                        & (cue::PERSON_PRONOUN | cue::ORG_PRONOUN | cue::DETERMINER)
                        != 0
                    || self.cue_flags[k - 1] & cue::DETERMINER != 0
                    // (`they` names nobody in particular, but it is a
                    // subject: `“We had nothing,” they said`; so are the
                    // narrator's `I` and `we`: `“No,” I said`.)
                    || matches!(doc.low(k), "they" | "i" | "we")
            });
        // (Or a short subject of a few words, when the quotation ends with
        // the comma that hands it to the cue: `“I’m thrilled,” Ms. Okafor
        // said`, `“Demand is weak,” analysts at Morgan Stanley wrote`.)
        // (In English, an appositive set off by commas right before the
        // cue, with a person's name on one side of its first comma, does
        // not count against the few words: `“We will respond,” the Iranian
        // foreign minister, Abbas Araghchi, said`, `“Fire is spreading,”
        // Robert Lee, the fire chief, said`.)
        let en = doc.lang == super::tokens::Lang::En;
        let appositive = if en && c > close + 3 && doc.is(c - 1, ',') {
            (close + 2..c - 1).rev().find(|&k| doc.is(k, ',')).filter(|&p| {
                let person = |k: usize| self.ent(k).filter(|&e| self.is_person(e));
                let spans = |e: usize, from: usize, to: usize| {
                    let (a, b) = self.ent_toks[e];
                    a > from && b == to
                };
                let named = person(c - 2).is_some_and(|e| spans(e, p, c - 1))
                    || person(p - 1).is_some_and(|e| spans(e, close, p));
                named && c - p <= 8
            })
        } else {
            None
        };
        let set_off = appositive.map_or(0, |p| c - p);
        let handed = last.kind == Kind::Punct
            && last.ch == ','
            && c > close + 1
            && c - (close + 1) <= 6 + set_off
            && doc.is_word(close + 1)
            && (close + 1..c).all(|k| {
                let t = &doc.toks[k];
                // (Not over a conjunction: `“not viable,” and a woman
                // shouted` is a new clause with a speaker of its own.)
                // (An appositive's commas may: `“We'll rebuild,” his
                // wife, Karen, added`; and, in English, a possessive's
                // curly apostrophe: `“Not guilty,” the jury’s foreman said`.)
                let apostrophe = t.ch == '\u{2019}' && en;
                // (Except between two names: `“We are united,” Smith and
                // Jones said`.)
                let names = |j: usize| doc.is_word(j) && doc.toks[j].upper;
                let joins_names = k > close + 1 && names(k - 1) && names(k + 1);
                (t.kind != Kind::Punct || matches!(t.ch, '.' | '-' | '\'' | ',') || apostrophe)
                    && (self.cue_flags[k] & cue::AND == 0 || joins_names)
                    && !(t.kind == Kind::Word
                        && matches!(doc.low(k), "or" | "while" | "as" | "when"))
            });
        // (Words summing the quotation up attribute it as closely: `“Kami
        // siap membantu.” Demikian dikatakan …`.)
        Some(Found { speaker, near: near || handed || recap.is_some(), verb: true })
    }

    /// Looks before the opening mark `open` for a cue or a colon.
    fn speaker_before(&self, open: usize) -> Option<Found> {
        let doc = self.doc;
        let mut s = open;
        while s > 0 && open - s < BEFORE_WINDOW {
            let k = s - 1;
            if self.stops(k) {
                break;
            }
            // The search stays in the paragraph, except that a quotation
            // opening a paragraph may be announced by a colon ending the
            // previous one.
            if doc.toks[s].gap >= Gap::Line && !(s == open && doc.is(k, ':')) {
                break;
            }
            s = k;
        }
        if s == open {
            return None;
        }
        if let Some(speaker) = self.possessed_reply(s, open) {
            return Some(Found { speaker, near: true, verb: true });
        }
        let colon = doc.is(open - 1, ':');
        // "Rutte: “…”"
        if colon && open >= 2 {
            // (Not the audience of a verb before it: `she told the
            // Manchester Guardian: “…”` is hers; nor, in English, any name
            // after a verb of saying in the clause: `Scholz said in an
            // interview with the Financial Times: “…”` is his.)
            let audience = |e: usize| {
                let mut b = self.ent_toks[e].0;
                if doc.lang == super::tokens::Lang::En {
                    return (s..b)
                        .any(|k| self.cue_flags[k] & cue::VERB != 0 && self.quote_of[k] == NONE);
                }
                if b > s && doc.is_word(b - 1) && doc.low(b - 1) == "the" {
                    b -= 1;
                }
                b > s && self.cue_flags[b - 1] & cue::VERB != 0
            };
            if let Some(e) = self.ent(open - 2).filter(|&e| !audience(e)) {
                return Some(Found { speaker: Some(e), near: true, verb: false });
            }
        }
        let mut cue = (s..open).rev().find_map(|k| self.cue_at(k).map(|(l, f)| (k, l, f)));
        // "The ministry said in a statement: “…”": the verb before a
        // statement noun names the speaker.
        if let Some((c, _, f)) = cue {
            if f & cue::NOUN != 0 && f & cue::VERB == 0 {
                let verb = (s.max(c.saturating_sub(5))..c).rev().find_map(|k| {
                    self.cue_at(k).filter(|&(_, fk)| fk & cue::VERB != 0).map(|(l, fk)| (k, l, fk))
                });
                cue = verb.or(cue);
            }
        }
        match cue {
            Some((c, len, f)) => {
                // "writing …, X dubbed the conflict: “…”": a naming word
                // after the cue makes the quotation a name; a participle
                // far from the quotation belongs to another clause.
                let named = (c + len..open).any(|k| self.cue_flags[k] & cue::NAMING != 0);
                let far_participle =
                    f & cue::PARTICIPLE != 0 && open - c > 6 && self.quoted_at(c, s).is_none();
                if named || far_participle {
                    return Some(Found { speaker: None, near: false, verb: false });
                }
                let speaker = self.resolve(c, len, f, s, open, Side::Before, open);
                let mut gap = c + len;
                // `menegaskan bahwa “…”`, `said that “…”`, `berkata: “…”`
                while gap < open
                    && (self.cue_flags[gap] & cue::THAT != 0
                        || doc.toks[gap].kind == Kind::Punct
                            && matches!(doc.toks[gap].ch, ',' | ':'))
                {
                    gap += 1;
                }
                // Only an article, a name or a pronoun may stand between
                // the cue and a short quotation: `said a “more general
                // reflection”`, `kata dia: “Tidak.”`, not `mengkritik program
                // “lumbung pangan”`.
                let near = open.saturating_sub(gap) <= 2
                    && (gap..open).all(|k| {
                        let t = &doc.toks[k];
                        t.kind == Kind::Punct
                            || self.ent(k).is_some()
                            || self.cue_flags[k] & (cue::PERSON_PRONOUN | cue::DETERMINER) != 0
                            || matches!(doc.low(k), "a" | "an" | "only")
                    });
                // (A colon announces what the verb before it in the
                // sentence introduces, however short: `Holt wrote in her
                // diary: “Nothing happened today.”`.)
                let announced = colon && f & cue::VERB != 0 && f & cue::PARTICIPLE == 0;
                Some(Found { speaker, near: near || announced, verb: true })
            }
            // "… has called it “dangerous”: “We face …”": the sentence's
            // subject speaks.
            None if colon => {
                let from = self.sentence_start(open);
                // "… reviewed by the critic John Berwick, whose verdict
                // was harsh: “…”": the name a relative `whose` follows.
                if doc.lang == super::tokens::Lang::En {
                    let whose = (from + 2..open)
                        .rev()
                        .find(|&k| doc.is_word(k) && doc.low(k) == "whose" && doc.is(k - 1, ','));
                    if let Some(e) = whose.and_then(|k| self.ent(k - 2)) {
                        return Some(Found { speaker: Some(e), near: true, verb: false });
                    }
                }
                // "His last words to his brother Alfred were: “…”": a
                // possessive opening the sentence names the speaker.
                let mut j = from;
                while j < open && doc.is_word(j) && !doc.toks[j].upper && j - from < 2 {
                    j += 1;
                }
                if doc.is_word(j) && matches!(doc.low(j), "his" | "her") && j < open {
                    let sp = self.antecedent(j, true);
                    return Some(Found { speaker: sp, near: true, verb: false });
                }
                // "In a short memoir …, he gave his rule for a good
                // bridge: “…”": else a subject pronoun opening the sentence
                // or a clause.
                // (A person set off by commas after a role, `The secretary
                // general of CEI (…), Nunzio Galantino, has called …:`, is
                // the subject before any name inside the role.)
                let appositive = (from + 1..open).find_map(|k| {
                    let e = self.ent(k).filter(|&e| self.is_person(e))?;
                    let (a, b) = self.ent_toks[e];
                    let set_off = a == k
                        && doc.is(a - 1, ',')
                        && doc.is(b, ',')
                        && doc.is_word(b + 1)
                        && !doc.toks[b + 1].upper;
                    set_off.then_some(e)
                });
                let speaker = appositive
                    .or_else(|| self.first_name(from, open))
                    .or_else(|| {
                        (from..open)
                            .find(|&k| {
                                doc.is_word(k)
                                    && self.cue_flags[k] & cue::PERSON_PRONOUN != 0
                                    && self.quote_of[k] == NONE
                                    && (k == from || doc.is(k - 1, ','))
                            })
                            .and_then(|p| self.pronoun_antecedent(p, open, true))
                    })
                    .or_else(|| self.diary_writer(from, open))
                    .or_else(|| (from + 1..open).find_map(|k| self.work_writer(k, from)))
                    .or_else(|| self.message_it(from).flatten())
                    .or_else(|| self.carried_by_colon(from, open));
                Some(Found { speaker, near: true, verb: false })
            }
            None => None,
        }
    }

    /// Finds the speaker around the cue at token `c` (`len` tokens, flags
    /// `f`) inside the clause `[from, to)`, found on `side` of the quotation
    /// opening at token `open`.
    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        c: usize,
        len: usize,
        f: u16,
        from: usize,
        to: usize,
        side: Side,
        open: usize,
    ) -> Option<usize> {
        let doc = self.doc;
        if f & cue::PRON != 0 {
            return self.antecedent(c.min(open), true);
        }
        if let Some(sp) = self.quoted_as(c, from, open) {
            return sp;
        }
        let after = c + len;
        // "“…,” the statement said": the statement mentioned before.
        if f & cue::NOUN != 0
            && f & cue::VERB == 0
            && c > from
            && matches!(doc.low(c - 1), "the" | "its" | "this")
        {
            return self.statement_author(c - 1, open);
        }
        if let Some(sp) = self.in_words(c) {
            return sp;
        }
        if f & cue::ACCORDING != 0 {
            return self.after_cue(after, to, open);
        }
        if f & cue::PASSIVE != 0 {
            // (The person of a title holding an organisation: `diungkapkan
            // oleh Ketua Umum Partai Golkar Bahlil Lahadalia`.)
            let at = if doc.is_word(after) && doc.low(after) == "oleh" { after + 1 } else { after };
            return self
                .after_cue(at, to, open)
                .or_else(|| (at..to.min(at + AFTER_CUE)).find_map(|k| self.ent(k)));
        }
        // "was described by W. W. Rouse Ball as “…”", "dijelaskan oleh X"
        if doc.is_word(after) && matches!(doc.low(after), "by" | "oleh") {
            let at = after
                + 1
                + usize::from(
                    self.cue_flags.get(after + 1).is_some_and(|f| f & cue::DETERMINER != 0),
                );
            if let Some(e) = self.ent(at) {
                return Some(e);
            }
            // (A role or an origin may come first: `described by the
            // French astronomer Jérôme Lalande as`.)
            let mut x = at;
            let plain = |x: usize| {
                doc.is_word(x)
                    && self.ent(x).is_none()
                    && !doc.low(x).ends_with("ed")
                    && !matches!(
                        doc.low(x),
                        "as" | "of" | "by" | "for" | "at" | "from" | "in" | "with" | "on" | "to"
                    )
            };
            while x < to && x - at < 4 && plain(x) {
                x += 1;
            }
            if x > at {
                if let Some(e) = self.ent(x).filter(|&e| self.is_person(e)) {
                    return Some(e);
                }
            }
        }
        // "Poisson declared …, declaring that “…”": a participle after a
        // comma has the subject of the clause's verb of saying.
        if f & cue::PARTICIPLE != 0 && c > from && doc.is(c - 1, ',') {
            // (The clause may hold a quoted term: `declared it “…”,
            // declaring that`.)
            let mut start = c - 1;
            while start > 0 && c - start < WALK {
                let v = start - 1;
                let t = &doc.toks[v];
                let ends = t.term && !self.in_term[v];
                if self.quote_of[v] != NONE || ends || doc.toks[start].gap >= Gap::Line {
                    break;
                }
                start = v;
            }
            let main = (start..c - 1).find(|&v| {
                let fv = self.cue_flags[v];
                self.quote_of[v] == NONE
                    && !self.in_term[v]
                    && fv & cue::VERB != 0
                    && fv & (cue::PARTICIPLE | cue::PRON) == 0
            });
            // (A subject that names nobody, "One poster admitted …,
            // writing", names nobody for the participle either.)
            if let Some(sp) = main.and_then(|v| self.subject_before(v, start, open)) {
                return sp;
            }
            // "Santorum criticized the press …, saying": with no verb of
            // saying before it, a name opening the clause is its subject.
            if main.is_none() {
                let mut j = start;
                while j < c && doc.is_word(j) && !doc.toks[j].upper && j - start < 2 {
                    j += 1; // "the", "but"
                }
                if let Some(e) = self.ent(j).filter(|_| !self.in_term[j]) {
                    return Some(e);
                }
                // ("She refused the title when it was offered, saying
                // that she was “…”": a subject pronoun opening the clause
                // is the participle's subject, whatever a later clause's
                // `it` is.)
                if doc.lang == super::tokens::Lang::En
                    && doc.is_word(j)
                    && matches!(doc.low(j), "he" | "she")
                {
                    return self.pronoun_antecedent(j, open, true);
                }
            }
        }
        if let Some(sp) = self.subject_before(c, from, open) {
            return sp;
        }
        // "“…,” a local official told AFP": after a subject of its own, a
        // verb that takes its audience as object (`told`) names the
        // audience after it, not the speaker.
        if side == Side::After && takes_audience(doc.low(c)) && (from..c).any(|k| doc.is_word(k)) {
            return None;
        }
        // "Kata Rutte, “…”", "…, demikian pernyataan kementerian"
        let clause_initial = c == from
            || doc.toks[c - 1].kind == Kind::Punct
            || matches!(doc.low(c - 1), "demikian" | "begitu" | "bunyi");
        if side == Side::After || clause_initial || f & cue::NOUN != 0 {
            return self.after_cue(after, to, open);
        }
        None
    }

    /// Whether span `e` only qualifies a role that another person's name
    /// follows (English only): `The former Welsh economy minister Rhodri
    /// Price` (a word the entity rules took for a name before a lower-case
    /// role of one to three words, one of them a title or a word for a
    /// person, and then the name).
    fn before_title(&self, e: usize) -> bool {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En {
            return false;
        }
        let after = self.ent_toks[e].1;
        let mut y = after;
        while y < doc.toks.len()
            && y - after < 3
            && doc.is_word(y)
            && !doc.toks[y].upper
            && self.ent(y).is_none()
        {
            y += 1;
        }
        let role = (after..y)
            .any(|w| doc.toks[w].flags & TITLE != 0 || self.cue_flags[w] & cue::PERSON_NOUN != 0);
        role && self.ent(y).is_some_and(|p| p != e && self.is_person(p))
    }

    /// The speaker of a reply someone's own (English only): `His reply,
    /// Holm remembers, was “…”`, `her answer was brief: “…”`, `His last
    /// words are said to have been “…”` — a possessive and a word for a
    /// reply (or `last words`), an aside set off by commas, a copula (or
    /// `is said to have been`) and, before a colon, one word, right before
    /// the quotation
    /// opening at token `open` (the sentence from token `s`). The
    /// possessor, or whom `his`/`her` means (nobody named when it means
    /// someone unnamed); `None` when the words do not stand so.
    fn possessed_reply(&self, s: usize, open: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En || open < s + 3 {
            return None;
        }
        let copula = |k: usize| doc.is_word(k) && matches!(doc.low(k), "was" | "is" | "were");
        let mut j = open - 1;
        if doc.is(j, ':') {
            j -= 1;
            // `was brief:`
            if j > s && doc.is_word(j) && !doc.toks[j].upper && !copula(j) && copula(j - 1) {
                j -= 1;
            }
        } else if doc.is(j, ',') {
            j -= 1;
        }
        // (`His last words are said to have been “…”`, `were reported to
        // be`: a hedged copula.)
        let be = |k: usize| copula(k) || doc.is_word(k) && doc.low(k) == "are";
        if j > s + 4 && doc.is_word(j) && matches!(doc.low(j), "been" | "be") {
            let mut x = j - 1;
            if doc.is_word(x) && doc.low(x) == "have" {
                x -= 1;
            }
            let hedged = doc.is_word(x)
                && doc.low(x) == "to"
                && doc.is_word(x - 1)
                && matches!(doc.low(x - 1), "said" | "reported" | "thought" | "believed")
                && be(x - 2);
            if !hedged {
                return None;
            }
            j = x - 2;
        }
        if !be(j) || j < s + 2 {
            return None;
        }
        let mut k = j - 1;
        // An aside: `His reply, Holm remembers, was`.
        if doc.is(k, ',') {
            let m = (k.saturating_sub(9).max(s)..k).rev().find(|&m| doc.is(m, ','))?;
            k = m.checked_sub(1)?;
        }
        let reply = k > s
            && doc.is_word(k)
            && matches!(doc.low(k), "reply" | "answer" | "response" | "retort" | "rejoinder");
        // (`His last words … were “…”`: the words of someone's end.)
        let last_words = k > s + 1
            && doc.is_word(k)
            && doc.low(k) == "words"
            && doc.is_word(k - 1)
            && matches!(doc.low(k - 1), "last" | "final" | "dying");
        if !reply && !last_words {
            return None;
        }
        let w = if last_words { k - 2 } else { k - 1 };
        if w >= s + 2
            && doc.low(w) == "s"
            && doc.toks[w].gap == Gap::None
            && matches!(doc.toks[w - 1].ch, '\'' | '\u{2019}')
        {
            return self.ent(w - 2).map(Some);
        }
        if doc.is_word(w) && matches!(doc.low(w), "his" | "her") {
            return Some(self.pronoun_antecedent(w, open, true));
        }
        None
    }

    /// The speaker of `in X's words,` / `in his own words,` at the token
    /// `k` of `words` (English only; a comma or a colon after it): the
    /// possessor, or whom the possessive pronoun means. `None` when the
    /// words do not stand so.
    fn in_words(&self, k: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En
            || k < 3
            || !doc.is_word(k)
            || doc.low(k) != "words"
            || !doc
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, ',' | ':'))
        {
            return None;
        }
        let mut w = k - 1;
        if doc.is_word(w) && doc.low(w) == "own" {
            w -= 1;
        }
        // `Kessler's`: the possessive `'s` is two tokens of its own.
        let (poss, speaker) = if w >= 3
            && doc.low(w) == "s"
            && doc.toks[w].gap == Gap::None
            && matches!(doc.toks[w - 1].ch, '\'' | '\u{2019}')
        {
            let e = self.ent(w - 2)?;
            (self.ent_toks[e].0, Some(e))
        } else if doc.is_word(w) && matches!(doc.low(w), "his" | "her") {
            (w, self.antecedent(w, true))
        } else if doc.is_word(w) && matches!(doc.low(w), "its" | "their") {
            (w, self.antecedent(w, false))
        } else {
            return None;
        };
        let before_in = poss.checked_sub(1).filter(|&i| doc.is_word(i) && doc.low(i) == "in");
        before_in.map(|_| speaker)
    }

    /// The `quoted` of `quoted … as saying` before the participle at
    /// token `c` (English only): `as` right before it and `quoted` (or
    /// `quotes`) at most twelve tokens before that, from token `from` on.
    fn quoted_at(&self, c: usize, from: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En
            || c < from + 2
            || !matches!(doc.low(c), "saying" | "telling" | "writing")
            || !doc.is_word(c - 1)
            || doc.low(c - 1) != "as"
        {
            return None;
        }
        (from.max(c.saturating_sub(14))..c - 1)
            .rev()
            .take_while(|&k| !self.stops(k))
            .find(|&k| doc.is_word(k) && matches!(doc.low(k), "quoted" | "quotes"))
    }

    /// The speaker of `quoted X as saying` at the participle `c`: the
    /// object of `quoted` (`The Post quoted her as saying`: whom `her`
    /// means; `quoted the club's treasurer, Tom Hale, as saying`: Hale;
    /// `quoted his sister as saying`: nobody named), or, for the passive,
    /// its subject (`Mark Ellis, who left in May, was quoted by a local
    /// paper as saying`). `None` when the cue is not so.
    fn quoted_as(&self, c: usize, from: usize, open: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        let q = self.quoted_at(c, from)?;
        let passive = q > from
            && doc.is_word(q - 1)
            && matches!(doc.low(q - 1), "was" | "were" | "is" | "are" | "been" | "being");
        if passive {
            return Some(self.subject_before(q - 1, from, open).flatten());
        }
        let obj = q + 1;
        let last = c - 1;
        if obj >= last {
            return None;
        }
        if obj + 1 == last && doc.is_word(obj) && matches!(doc.low(obj), "her" | "him") {
            return Some(self.pronoun_antecedent(obj, open, true));
        }
        // The object's name: right before `as`, or set off by commas.
        let end = if doc.is(last - 1, ',') { last - 1 } else { last };
        let named = end
            .checked_sub(1)
            .and_then(|k| self.ent(k))
            .filter(|&e| self.ent_toks[e].1 == end && self.ent_toks[e].0 >= obj);
        Some(named)
    }

    /// The subject of the cue at token `c`, looking back to token `from`:
    /// `Some(speaker)` when the subject is found (even a subject that names
    /// nobody: `Some(None)`), `None` when there is no subject to see.
    fn subject_before(&self, c: usize, from: usize, open: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        // Lower-case words may stand between a name and its verb: "Rutte
        // *juga* mengatakan", "Smith *has* said", "Prabowo *dalam
        // sambutannya* mengatakan" (at most six, with no punctuation, name,
        // pronoun or other cue among them).
        const NOT_PLAIN: u16 = cue::PERSON_PRONOUN
            | cue::ORG_PRONOUN
            | cue::ANAPHOR_END
            | cue::VERB
            | cue::PRON
            | cue::THAT;
        if let Some(sp) = self.and_subject(c, from, open) {
            return Some(sp);
        }
        if self.indefinite_subject(c) {
            return Some(None);
        }
        if let Some(sp) = self.its_people(c, from) {
            return Some(sp);
        }
        // "In a statement its officials said the mine was “…”. They
        // added: “…”": `they` right after an organisation's words is the
        // organisation.
        if doc.lang == super::tokens::Lang::En
            && c > from
            && doc.is_word(c - 1)
            && doc.low(c - 1) == "they"
        {
            if let Some((last, para, Some(e))) = self.last {
                let near = para == doc.toks[c].para && last < c && c - last <= 12;
                if near && !self.is_person(e) && self.ents[e].label == labels::ORG {
                    return Some(Some(e));
                }
            }
        }
        // "Her last paper appeared in 1958. Its final sentence reads:
        // “…”": a part of a work speaks for the work's writer.
        if let Some(e) =
            c.checked_sub(1).filter(|&p| p > from).and_then(|p| self.work_writer(p, from))
        {
            return Some(Some(e));
        }
        let mut j = c;
        let mut joined = false;
        while j > from && c - j < 6 {
            let t = &doc.toks[j - 1];
            // (A verb joined by `and` to this one is part of the
            // predicate: `He smiled and said`, `She laughed and added`.)
            let joined_verb = self.cue_flags[j - 1] & cue::VERB != 0
                && j < c
                && self.cue_flags[j] & cue::AND != 0;
            // ("the young Reinholt is reported to have told him": `is
            // said to`, `was reported to` before the verb are part of it.)
            let raising = doc.lang == super::tokens::Lang::En
                && j < c
                && j >= 2
                && matches!(doc.low(j - 1), "said" | "reported" | "thought" | "believed")
                && doc.low(j) == "to"
                && matches!(doc.low(j - 2), "is" | "was" | "are" | "were");
            let plain = t.kind == Kind::Word
                && !t.upper
                && self.ent(j - 1).is_none()
                && (self.cue_flags[j - 1] & NOT_PLAIN == 0 || joined_verb || raising);
            if !plain {
                break;
            }
            joined |= self.cue_flags[j - 1] & cue::AND != 0;
            j -= 1;
        }
        // "Sindre Vik, took one sip and said", "He smiled and said": a verb
        // joined by `and` to the clause before shares its subject.
        let shared = joined
            && j > from
            && (doc.is(j - 1, ',')
                || self.cue_flags[j - 1] & (cue::PERSON_PRONOUN | cue::ORG_PRONOUN) != 0);
        // "the geneticist Nils Hedberg, who later described her as": a
        // relative pronoun stands for the name before its comma.
        if j < c && j >= from + 2 && doc.low(j) == "who" && doc.is(j - 1, ',') {
            if let Some(e) = self.ent(j - 2) {
                return Some(Some(e));
            }
            // (Or the name before an appositive: `Cecil Armitage, the
            // Bureau's chief forecaster in Ottawa, who told`.)
            let p = (from.max(j.saturating_sub(14))..j - 1)
                .rev()
                .find(|&k| doc.is(k, ',') || doc.toks[k].term || self.quote_of[k] != NONE);
            if let Some(p) = p.filter(|&p| p > from && doc.is(p, ',')) {
                if let Some(e) = self.ent(p - 1).filter(|&e| self.is_person(e)) {
                    return Some(Some(e));
                }
            }
        }
        // "Queen Victoria, who crossed it the following year, is said to
        // have described it as": the name before a relative clause set off
        // by commas, when words stand between the clause and the verb (the
        // walk stopped at the clause's closing comma).
        if j < c && j >= from + 4 && doc.is(j - 1, ',') && doc.lang == super::tokens::Lang::En {
            let mut w = j - 2;
            while w > from + 1 && j - 1 - w <= 15 && doc.toks[w].kind != Kind::Punct {
                if doc.low(w) == "who" && doc.is(w - 1, ',') {
                    if let Some(e) = (w >= 2).then(|| self.ent(w - 2)).flatten() {
                        return Some(Some(e));
                    }
                    break;
                }
                w -= 1;
            }
        }
        // "He later wrote", "she has told": a pronoun subject before
        // lower-case words.
        let pronoun = j < c
            && j > from
            && doc.is_word(j - 1)
            && self.cue_flags[j - 1] & (cue::PERSON_PRONOUN | cue::ORG_PRONOUN) != 0;
        // "Your publisher, Jan Vrba, has called it": a name set off by
        // commas before lower-case words (not before a noun phrase of its
        // own, which is the subject: `Speaking to the BBC, the minister
        // said`).
        let set_off = j < c
            && j >= from + 2
            && doc.is(j - 1, ',')
            && self.ent(j - 2).is_some()
            && !(doc.lang == super::tokens::Lang::En && self.cue_flags[j] & cue::DETERMINER != 0);
        let k = if j < c && j > from && (self.ent(j - 1).is_some() || shared || pronoun || set_off)
        {
            j
        } else {
            c
        };
        if k == from {
            return None;
        }
        let p = k - 1;
        if let Some(e) = self.ent(p) {
            // "the Calder manager said": a name after `the` that qualifies
            // a word for a person is not the subject; the nominal is.
            let a = self.ent_toks[e].0;
            let role = (j..c).any(|w| {
                self.cue_flags[w] & cue::PERSON_NOUN != 0 || doc.toks[w].flags & TITLE != 0
            });
            if k < c && role && a > from && self.cue_flags[a - 1] & cue::DETERMINER != 0 {
                if let Some(sp) = self.nominal_before(c - 1, from, open) {
                    return Some(sp);
                }
            }
            return Some(self.of_phrase(e, from, open).unwrap_or(Some(e)));
        }
        // "Calder: … I wrote in my notebook that evening: “…”": in an
        // interview turn, `I` is the person the turn is labelled with.
        if doc.is_word(p) && doc.toks[p].upper && doc.low(p) == "i" {
            if let Some(e) = self.narrator(p) {
                return Some(Some(e));
            }
        }
        let fl = self.cue_flags[p];
        if doc.is_word(p) && fl & cue::PERSON_PRONOUN != 0 {
            return Some(self.pronoun_antecedent(p, open, true));
        }
        if doc.is_word(p) && fl & cue::ORG_PRONOUN != 0 {
            if let Some(sp) = self.message_it(p) {
                return Some(sp);
            }
            return Some(self.antecedent(p.min(open), false));
        }
        // "Steve Whitmore, a representative for the office, told",
        // "After the match, Hernan Dario Gomez, Panama coach, said"
        if doc.is(p, ',') {
            // "Her former professor, Koolhaas, described": a name set off
            // by commas right before the verb.
            if let Some(e) = p.checked_sub(1).and_then(|x| self.ent(x)) {
                let first = self.title_start(self.ent_toks[e].0);
                if first > from && doc.is(first - 1, ',') {
                    return Some(Some(e));
                }
            }
            let start = self.sentence_start(p).max(from);
            let mut q = p;
            while q > start && p - q < 12 && !doc.is(q - 1, ',') {
                q -= 1;
            }
            if q > start + 1 && doc.is(q - 1, ',') {
                if let Some(e) = self.ent(q - 2) {
                    return Some(Some(e));
                }
                // "Her lawyer, Benjamin Osei of the firm Osei & Hart,
                // said": the person opening the aside after a role.
                if let Some(e) = self.ent(q).filter(|&e| self.is_person(e)) {
                    return Some(Some(e));
                }
                // "One of her students, the novelist Femi Adeyemi,
                // remembered": the person a role phrase in the aside
                // names.
                let mut r = q;
                while r < p && r - q < 4 && doc.is_word(r) && !doc.toks[r].upper {
                    r += 1;
                }
                if r > q {
                    if let Some(e) = self.ent(r).filter(|&e| self.is_person(e)) {
                        if self.ent_toks[e].1 == p {
                            return Some(Some(e));
                        }
                    }
                }
            }
            if let Some(e) = self.first_name(start, p) {
                let first = (start..p).find(|&j| self.ent(j) == Some(e)).unwrap_or(p);
                if (start..first).all(|j| !doc.is(j, ',')) {
                    return Some(Some(e));
                }
            }
            return None;
        }
        // "Anne Ruiz of the Leeds police said", "John Smith at the
        // University of Oslo told": a person before `of`/`at`/`from` and a
        // phrase of a few words with no verb or punctuation in it.
        let mut x = c;
        while x > from && c - x < 8 && doc.is_word(x - 1) && self.cue_flags[x - 1] & NOT_PLAIN == 0
        {
            x -= 1;
            if x > from
                && !doc.toks[x].upper
                && matches!(doc.low(x), "of" | "at" | "from")
                && self.quote_of[x] == NONE
            {
                if let Some(e) = self.ent(x - 1).filter(|&e| self.is_person(e)) {
                    return Some(Some(e));
                }
            }
        }
        // "Jonas Pichler went up first and sent me a photograph with a
        // message that said only “…”": a message a relative clause
        // brings in speaks for whoever its sentence is about.
        if let Some(sp) = self.relative_message(p, from) {
            return Some(sp);
        }
        // "His message said", "Brekke's letter read": what someone wrote
        // speaks for its writer.
        if let Some(sp) = self.possessed_message(p, from) {
            return Some(sp);
        }
        // "the ministry said", "pelatih asal Belanda itu mengakui"
        if let Some(sp) = self.nominal_before(p, from, open) {
            return Some(sp);
        }
        // "PC World's recent analysis … concluded": a name opening the
        // sentence, and no other name before the cue.
        let start = self.sentence_start(c).max(from);
        let mut j = start;
        while j < c && doc.toks[j].kind == Kind::Word && !doc.toks[j].upper {
            j += 1; // "the"
        }
        // "Wikinews: Inês, you said in 2020 that …": `you` means the name
        // the turn opens by addressing.
        if doc.is_word(p) && doc.low(p) == "you" {
            let mut v = self.sentence_start(p);
            if let Some(l) = self.ent(v).filter(|&l| doc.is(self.ent_toks[l].1, ':')) {
                v = self.ent_toks[l].1 + 1;
            }
            if let Some(e) =
                self.ent(v).filter(|&e| self.is_person(e) && doc.is(self.ent_toks[e].1, ','))
            {
                return Some(Some(e));
            }
            // "Wikinews: In 2023 you said the ban would “…”.": in a
            // question's turn, `you` is whoever answers it in the next.
            return self.next_turn_label(p).map(Some);
        }
        // "One girl, Beatriz, she was nine, read a report … and added":
        // a name set off by commas after a few opening words.
        if self.ent(j).is_none() {
            if let Some(x) = (j..(j + 4).min(c)).find(|&x| self.ent(x).is_some()) {
                let set_off = x > j && doc.is(x - 1, ',');
                let plain = (j..x - 1).all(|y| doc.is_word(y) && self.ent(y).is_none());
                if set_off && plain {
                    j = x;
                }
            }
        }
        if let Some(e) = self.ent(j) {
            let others = (j..c).filter_map(|x| self.ent(x)).any(|x| x != e);
            if !others && c - j <= 15 {
                // "Holt's husband said", "Holt's lawyer told": someone
                // of the named person's, and unnamed, speaks.
                if self.possessed_person(self.ent_toks[e].1, c) {
                    return Some(None);
                }
                return Some(Some(e));
            }
        }
        None
    }

    /// The subject of a verb of saying at token `c` joined by `and` (or
    /// `and then`, or `, and`) to a clause that opens with its subject: `He
    /// showed it to me and said`, `He closed the office, and told`, `Mr.
    /// Tetteh found the game and wrote` (English only). The clause runs
    /// back to the sentence start, a comma or a colon, at most 15 tokens,
    /// with no other verb of saying in it; its
    /// first word must be `he`/`she` (what it means), the narrator's `I`
    /// in an interview turn (the turn's label), or a name before a
    /// lower-case word. `None` when the clause is not so.
    fn and_subject(&self, c: usize, from: usize, open: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En || c < from + 3 {
            return None;
        }
        let is_and = |k: usize| doc.is_word(k) && doc.low(k) == "and";
        // (`He closed the office soon afterwards, and told`: a comma may
        // come before `and`.)
        let a = if is_and(c - 1) && doc.is(c - 2, ',') {
            c - 2
        } else if is_and(c - 1) {
            c - 1
        } else if is_and(c - 2) && doc.is_word(c - 1) && matches!(doc.low(c - 1), "then" | "later")
        {
            c - 2
        } else {
            return None;
        };
        let mut x = a;
        loop {
            if x <= from || a - x >= 15 {
                if x > from {
                    return None;
                }
                break;
            }
            let v = x - 1;
            let t = &doc.toks[v];
            if doc.toks[x].gap >= Gap::Line
                || self.quote_of[v] != NONE
                || t.term
                || t.kind == Kind::Punct && matches!(t.ch, ',' | ';' | ':' | '(' | '\u{2014}')
            {
                break;
            }
            if self.cue_flags[v] & (cue::VERB | cue::PARTICIPLE) != 0 {
                return None;
            }
            x = v;
        }
        // (At least a verb between the subject and `and`.)
        if x + 2 > a || !doc.is_word(x) {
            return self.opening_subject(a);
        }
        if let Some(mut e) = self.ent(x) {
            let mut after = self.ent_toks[e].1;
            // (`Corrections Department regional commissioner Paul Tane
            // attended … and described`: the person after the title.)
            let mut y = after;
            while y < a
                && y - after < 3
                && doc.is_word(y)
                && !doc.toks[y].upper
                && self.ent(y).is_none()
            {
                y += 1;
            }
            let role = (after..y).any(|w| {
                doc.toks[w].flags & TITLE != 0 || self.cue_flags[w] & cue::PERSON_NOUN != 0
            });
            if let Some(p) = self.ent(y).filter(|&p| role && self.is_person(p) && p != e) {
                e = p;
                after = self.ent_toks[p].1;
            }
            if after < a && doc.is_word(after) && !doc.toks[after].upper {
                return Some(Some(e));
            }
            return None;
        }
        let w = doc.low(x);
        if w == "i" && doc.toks[x].upper {
            return self.narrator(x).map(Some);
        }
        // "The Paris academician Théodore Galabert attacked the method in
        // 1775 and called it": a determiner and a role of up to four words
        // (no preposition) before the name opening the clause.
        if matches!(w, "the" | "a" | "an") {
            // (A name-like word inside the role is passed over: `The Paris
            // academician`, which the tagger may read as a person.)
            let mut y = x + 1;
            let mut role = false;
            while y < a && y - x <= 5 && doc.is_word(y) {
                if let Some(e) = self.ent(y) {
                    let after = self.ent_toks[e].1;
                    if role && self.is_person(e) {
                        if after < a && doc.is_word(after) && !doc.toks[after].upper {
                            return Some(Some(e));
                        }
                        break;
                    }
                    y = after;
                    continue;
                }
                let t = &doc.toks[y];
                if matches!(doc.low(y), "of" | "by" | "for" | "with" | "from" | "to" | "in" | "at")
                {
                    break;
                }
                role |= !t.upper
                    && (t.flags & TITLE != 0
                        || self.cue_flags[y] & cue::PERSON_NOUN != 0
                        || super::is_agent_noun(doc.low(y)));
                y += 1;
            }
        }
        if matches!(w, "he" | "she") {
            return Some(self.pronoun_antecedent(x, open, true));
        }
        // "Their managing director, Neil Saunders, stood up at a meeting
        // and said": a name set off by commas right before the clause.
        if x >= from + 2 && doc.is(x - 1, ',') {
            if let Some(e) = self.ent(x - 2).filter(|&e| self.is_person(e)) {
                let first = self.ent_toks[e].0;
                if first > from && doc.is(first - 1, ',') {
                    return Some(Some(e));
                }
            }
        }
        self.opening_subject(a)
    }

    /// The organisation `its` means before a plural word for the people
    /// who speak for it, right before the verb at `c` (`In a statement its
    /// South Wales officials said`, `Its leaders said`): a group speaking
    /// for its organisation is the organisation (while one unnamed
    /// spokesman is nobody named). A few words may qualify the noun.
    /// English only.
    fn its_people(&self, c: usize, from: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En || c < from + 2 || !doc.is_word(c - 1) {
            return None;
        }
        if !matches!(
            doc.low(c - 1),
            "officials"
                | "leaders"
                | "representatives"
                | "officers"
                | "executives"
                | "directors"
                | "organisers"
                | "organizers"
                | "spokespeople"
        ) {
            return None;
        }
        let its = (from.max(c.saturating_sub(6))..c - 1)
            .rev()
            .find(|&k| doc.is_word(k) && matches!(doc.low(k), "its"))?;
        let plain = (its + 1..c - 1).all(|k| {
            doc.is_word(k)
                && self.cue_flags[k] & cue::VERB == 0
                && self.ent(k).is_none_or(|e| !self.is_person(e))
        });
        plain.then(|| self.antecedent(its, false))
    }

    /// The subject opening the sentence of `, and` at token `a` when the
    /// clause before it holds commas (`The Environment Agency issued a
    /// severe flood warning, its highest level, shortly after 9 p.m., and
    /// said in a statement that`, `The area manager accepted, however,
    /// that …, and said`): a name (after `the`) or a definite role noun
    /// that names someone, right before a lower-case word, with no verb
    /// of saying, subject pronoun, name followed by a verb, or relative
    /// `who` between it and `and`. English only.
    fn opening_subject(&self, a: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if !doc.is(a, ',') {
            return None;
        }
        let start = self.sentence_start(a);
        if start >= a {
            return None;
        }
        let mut j = start;
        if doc.is_word(j) && doc.low(j) == "the" && self.ent(j).is_none() {
            j += 1;
        }
        let (subject, after) = match self.ent(j) {
            Some(e) => (Some(e), self.ent_toks[e].1),
            None => {
                // `The area manager accepted`: the words up to the role
                // word name whoever holds that role.
                if !doc.is_word(start) || doc.low(start) != "the" {
                    return None;
                }
                let role = (start + 1..(start + 4).min(a)).find(|&w| {
                    doc.is_word(w)
                        && (doc.toks[w].flags & TITLE != 0
                            || self.cue_flags[w] & cue::PERSON_NOUN != 0)
                })?;
                let words: Vec<usize> = (start + 1..=role).collect();
                if words.iter().any(|&w| !doc.is_word(w) || doc.toks[w].upper) {
                    return None;
                }
                (Some(self.named_by(&words, start)?), role + 1)
            }
        };
        if after >= a || !doc.is_word(after) || doc.toks[after].upper {
            return None;
        }
        let clear = (after..a).all(|k| {
            let t = &doc.toks[k];
            if self.quote_of[k] != NONE || t.gap >= Gap::Line {
                return false;
            }
            if let Some(g) = self.ent(k) {
                let past = self.ent_toks[g].1;
                return !(doc.is_word(past) && !doc.toks[past].upper && past < a);
            }
            !doc.is_word(k)
                || self.cue_flags[k] & (cue::VERB | cue::PARTICIPLE) == 0
                    && !matches!(doc.low(k), "he" | "she" | "they" | "we" | "i" | "who")
        });
        clear.then_some(subject)
    }

    /// Whether the tokens from `after` (just past a name) up to the verb at
    /// `c` are a possessive `'s` and a word for a person (`Holt's husband`,
    /// `Holt's lawyer`, `the Holts' family`): someone the name is not.
    fn possessed_person(&self, after: usize, c: usize) -> bool {
        let doc = self.doc;
        let at = if doc.toks.get(after).is_some_and(|t| matches!(t.ch, '\'' | '\u{2019}'))
            && doc.is_word(after + 1)
            && doc.low(after + 1) == "s"
            && doc.toks[after + 1].gap == Gap::None
        {
            after + 2
        } else {
            return false;
        };
        (at..c.min(at + 3)).any(|k| {
            doc.is_word(k)
                && (self.cue_flags[k] & cue::PERSON_NOUN != 0
                    || matches!(
                        doc.low(k),
                        "husband"
                            | "wife"
                            | "son"
                            | "daughter"
                            | "brother"
                            | "sister"
                            | "friend"
                            | "colleague"
                            | "partner"
                            | "widow"
                            | "widower"
                            | "uncle"
                            | "aunt"
                            | "cousin"
                            | "grandmother"
                            | "grandfather"
                            | "boyfriend"
                            | "girlfriend"
                            | "family"
                            | "relatives"
                            | "parents"
                            | "spokesperson"
                            | "aide"
                            | "adviser"
                            | "advisor"
                            | "agent"
                    ))
        })
    }

    /// The writer of the diary or letters that an `entry` (or `passage`,
    /// `page`) in the sentence `from`..`open` belongs to: "His diary for
    /// 1941 is mostly about money. An entry from that March reads: “…”" —
    /// whom the possessive before `diary` (`his`, `her`, `X's`) in this
    /// sentence or the one before means.
    fn diary_writer(&self, from: usize, open: usize) -> Option<usize> {
        let doc = self.doc;
        let entry = (from..open)
            .any(|k| doc.is_word(k) && matches!(doc.low(k), "entry" | "passage" | "page"));
        if !entry || doc.lang != super::tokens::Lang::En {
            return None;
        }
        let start = if from > 0 { self.sentence_start(from - 1) } else { from };
        let diary = (start..open).find(|&k| {
            doc.is_word(k)
                && self.quote_of[k] == NONE
                && matches!(
                    doc.low(k),
                    "diary"
                        | "diaries"
                        | "journal"
                        | "journals"
                        | "notebook"
                        | "notebooks"
                        | "letters"
                )
        })?;
        self.possessed_message(diary, start).flatten()
    }

    /// Who `I` at token `k` (outside quotations) is: the person labelling
    /// its interview turn, else, in an interview with no turn labels, the
    /// person interviewed (English only).
    fn narrator(&self, k: usize) -> Option<usize> {
        self.turn_label(k).or_else(|| *self.interviewee.get_or_init(|| self.interviewee()))
    }

    /// The one person an interview is with, when its headline says it is
    /// an interview (`Wikinews interviews …`, `Interview with …`,
    /// `Wikinews talks to …`) and its opening names the person after
    /// `spoke to`/`spoke with`/`talked to`/`interviewed` (`Wikinews spoke
    /// to Ngata about the concert`): in answers run into the text with no
    /// turn labels, `I` is that person. `None` for two people (`spoke to
    /// its founders, A and B`) or outside English.
    fn interviewee(&self) -> Option<usize> {
        let doc = self.doc;
        let n = doc.toks.len();
        if doc.lang != super::tokens::Lang::En {
            return None;
        }
        let mut end = 0;
        while end < n && (end == 0 || doc.toks[end].gap < Gap::Line) && end < 40 {
            end += 1;
        }
        // The headline's verb: `interview…`, `talks`, `speaks` (an
        // interview only with `to`/`with` after the last two).
        let verb = |k: usize| {
            doc.is_word(k) && {
                let w = doc.low(k);
                w.starts_with("interview") || matches!(w, "talks" | "speaks")
            }
        };
        let to_or_with = |k: usize| doc.is_word(k) && matches!(doc.low(k), "to" | "with");
        let interview =
            (0..end).any(|k| verb(k) && (doc.low(k).starts_with("interview") || to_or_with(k + 1)));
        if !interview {
            return None;
        }
        // "Wikinews talks to Galician piper Xoán Barreiro Lema": a person
        // the headline names right after its verb (a role of a few words
        // between), and nobody with them.
        if let Some(k) = (0..end).find(|&k| verb(k)) {
            let mut j = k + 1;
            if to_or_with(j) {
                j += 1;
            }
            let from = j;
            while j < end
                && j - from < 4
                && self.ent(j).is_none()
                && doc.is_word(j)
                && !matches!(doc.low(j), "of" | "about" | "on" | "for" | "and" | "who" | "from")
            {
                j += 1;
            }
            if let Some(e) = self.ent(j).filter(|&e| self.is_person(e)) {
                let after = self.ent_toks[e].1;
                let pair = doc.is_word(after) && matches!(doc.low(after), "and" | "&");
                if !pair {
                    return Some(e);
                }
            }
        }
        let lim = n.min(400);
        for k in end..lim {
            if !doc.is_word(k) || self.quote_of[k] != NONE {
                continue;
            }
            let verb = matches!(
                doc.low(k),
                "spoke" | "speaks" | "talked" | "talks" | "interviewed" | "interviews"
            );
            if !verb {
                continue;
            }
            let mut at = k + 1;
            if to_or_with(at) {
                at += 1;
            }
            // ("Dyson, 67, spoke to Wikinews from the bakery": the one who
            // spoke to the publication.)
            let to_org = at > k + 1
                && matches!(doc.low(k), "spoke" | "speaks" | "talked" | "talks")
                && doc.is_word(at)
                && (doc.low(at) == "wikinews" || self.ent(at).is_some_and(|o| !self.is_person(o)));
            let subject = if to_org {
                self.first_name(self.sentence_start(k), k).filter(|&e| self.is_person(e))
            } else {
                None
            };
            // ("Wikinews spoke to the paper's editor, Yusuf Demirel, who
            // …": the person set off by a comma after a short role.)
            let set_off = || {
                let comma = (at..n.min(at + 8))
                    .take_while(|&j| !doc.toks[j].term && self.ent(j).is_none())
                    .find(|&j| doc.is(j, ','))?;
                self.ent(comma + 1).filter(|&e| self.is_person(e) && comma > at)
            };
            let found = subject
                .or_else(|| self.ent(at).filter(|&e| self.is_person(e) && !self.in_term[at]))
                .or_else(set_off);
            let Some(e) = found else {
                continue;
            };
            let after = self.ent_toks[e].1;
            let pair = doc.is_word(after) && matches!(doc.low(after), "and")
                || doc.is(after, ',') && self.ent(after + 1).is_some();
            return (!pair).then_some(e);
        }
        None
    }

    /// The PERSON labelling the interview turn that token `k` is in: a
    /// name opening the paragraph (or line) followed by a colon (`Ruth
    /// Calder: …`), when the line start is within [`WALK`] tokens.
    fn turn_label(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        let mut s = k;
        while s > 0 && doc.toks[s].gap < Gap::Line {
            if k - s >= WALK {
                return None;
            }
            s -= 1;
        }
        let e = self.ent(s).filter(|&e| self.is_person(e))?;
        let (first, after) = self.ent_toks[e];
        (first == s && doc.is(after, ':')).then_some(e)
    }

    /// The PERSON labelling the turn after the one token `k` is in, when
    /// `k`'s paragraph opens with a label too (`Wikinews: … you said …`
    /// then `Kadri Tamm: …`): the person a question's `you` means.
    fn next_turn_label(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut s = k;
        while s > 0 && doc.toks[s].gap < Gap::Para {
            if k - s >= WALK {
                return None;
            }
            s -= 1;
        }
        let labelled = |a: usize| {
            let end = self.ent(a).map_or(a + 1, |e| self.ent_toks[e].1);
            doc.is_word(a) && end < n && end - a <= 4 && doc.is(end, ':')
        };
        if !labelled(s) {
            return None;
        }
        let mut x = k + 1;
        while x < n && doc.toks[x].gap < Gap::Para {
            if x - k >= WALK {
                return None;
            }
            x += 1;
        }
        let e = self.ent(x).filter(|&e| self.is_person(e))?;
        let (first, after) = self.ent_toks[e];
        (first == x && doc.is(after, ':')).then_some(e)
    }

    /// Who made the statement that `the statement` (before token `at`)
    /// points back to: the nearest earlier statement noun outside
    /// quotations, within two sentences, whose verb of saying has a
    /// subject (`The Department of Transportation said in a statement`),
    /// else the first name of its sentence (`Acme issued a statement`).
    fn statement_author(&self, at: usize, open: usize) -> Option<usize> {
        let doc = self.doc;
        let mut sentences = 0;
        let mut k = at;
        while k > 0 && at - k < WALK {
            k -= 1;
            if doc.toks[k].term && self.quote_of[k] == NONE {
                sentences += 1;
                if sentences > 2 {
                    return None;
                }
            }
            if self.quote_of[k] != NONE || self.cue_flags[k] & cue::NOUN == 0 {
                continue;
            }
            let start = self.sentence_start(k);
            let verb = (start.max(k.saturating_sub(5))..k)
                .rev()
                .find(|&v| self.cue_at(v).is_some_and(|(_, f)| f & cue::VERB != 0));
            if let Some(Some(e)) = verb.and_then(|v| self.subject_before(v, start, open)) {
                return Some(e);
            }
            // "In a victim impact statement read to the court, the
            // charity's chief executive, Bernadette Okoro, said …": the
            // statement comes before its sentence's verb of saying, whose
            // subject made it.
            if verb.is_none() {
                let mut v = k + 1;
                while v < at && v - k < 30 && !(doc.toks[v].term && self.quote_of[v] == NONE) {
                    let said = self.quote_of[v] == NONE
                        && self.cue_at(v).is_some_and(|(_, f)| f & cue::VERB != 0);
                    if said {
                        if let Some(Some(e)) = self.subject_before(v, k + 1, open) {
                            return Some(e);
                        }
                        break;
                    }
                    v += 1;
                }
            }
            return self.first_name(start, k);
        }
        None
    }

    /// When the name `e` right before a verb ends a phrase `X of/for/at e`,
    /// the phrase's head: a person (`John Smith of Barclays said`), or a
    /// nominal (`a spokeswoman for Barclays said`, which names nobody).
    /// `None` when `e` is not such a complement.
    fn of_phrase(&self, e: usize, from: usize, open: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        let mut first = self.ent_toks[e].0;
        let prep = |k: usize| doc.is_word(k) && matches!(doc.low(k), "of" | "for" | "at" | "from");
        // (The last part of a name joined by `and` to an organisation
        // before it is that name: `a spokesman for the Department for
        // Environment, Food and Rural Affairs`.)
        if first > from + 2 && doc.is_word(first - 1) && doc.low(first - 1) == "and" {
            let mut k = first - 1;
            while k > from && first - k < 8 {
                k -= 1;
                if let Some(g) = self.ent(k).filter(|&g| !self.is_person(g)) {
                    first = self.ent_toks[g].0;
                    break;
                }
                if !(doc.is(k, ',') || doc.is_word(k) && doc.toks[k].upper) {
                    break;
                }
            }
        }
        // (A few lower-case words may describe the name: `a spokeswoman
        // for the cloud provider Stratanet`.)
        let mut at = first;
        while at > from + 2
            && first - at < 4
            && doc.is_word(at - 1)
            && !doc.toks[at - 1].upper
            && !prep(at - 1)
        {
            at -= 1;
        }
        if at < from + 2 || !prep(at - 1) {
            return None;
        }
        let head = at - 2;
        if let Some(h) = self.ent(head) {
            return self.is_person(h).then_some(Some(h));
        }
        // The nominal before the preposition: determiner + up to three
        // words, one of them a role or a person noun.
        let mut words = Vec::new();
        let mut j = head + 1;
        while j > from && words.len() < 4 {
            let w = j - 1;
            if !doc.is_word(w) || self.ent(w).is_some() {
                return None;
            }
            if self.cue_flags[w] & cue::DETERMINER != 0 || matches!(doc.low(w), "a" | "an") {
                words.push(w);
                break;
            }
            words.push(w);
            j = w;
        }
        let role = words
            .iter()
            .any(|&w| doc.toks[w].flags & TITLE != 0 || self.cue_flags[w] & cue::PERSON_NOUN != 0);
        role.then(|| self.nominal(&words, open))
    }

    /// The writer of a message that a relative pronoun at token `p`
    /// follows (`a message that said`, `a note which read`): its writer
    /// when a possessive names one (`his note that said`), else the
    /// subject of the sentence — `I` in an interview turn, `he`/`she`, or
    /// the first person named before the message (`One of my students,
    /// Jonas Pichler, went up first and sent me a photograph with a
    /// message that said`). English only.
    fn relative_message(&self, p: usize, from: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En
            || p < 2
            || !doc.is_word(p)
            || !matches!(doc.low(p), "that" | "which")
        {
            return None;
        }
        let noun = p - 1;
        let message = doc.is_word(noun)
            && matches!(
                doc.low(noun),
                "message" | "letter" | "email" | "note" | "text" | "telegram" | "card" | "postcard"
            );
        if !message {
            return None;
        }
        if let Some(sp) = self.possessed_message(noun, from) {
            return Some(sp);
        }
        let mut start = self.sentence_start(noun);
        // (Past the label of an interview turn: `Ruth Calder: One of my
        // students, …`.)
        if let Some(l) = self.ent(start).filter(|&l| doc.is(self.ent_toks[l].1, ':')) {
            start = self.ent_toks[l].1 + 1;
        }
        if start >= noun {
            return None;
        }
        let w = doc.low(start);
        if doc.is_word(start) && w == "i" && doc.toks[start].upper {
            return self.turn_label(start).map(Some);
        }
        if doc.is_word(start) && matches!(w, "he" | "she") {
            return Some(self.antecedent(start, true));
        }
        self.first_name(start, noun).filter(|&e| self.is_person(e)).map(Some)
    }

    /// The writer of a work that `its` + a word for a part of a text
    /// (ending at token `p`, after `from`) points back to: `Her last paper
    /// appeared in 1958. Its final sentence reads:` — whom the possessive
    /// before a word for a work (`paper`, `book`, `letter`, …) in the
    /// sentence before means (English only).
    fn work_writer(&self, p: usize, from: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En || !doc.is_word(p) {
            return None;
        }
        let part = matches!(
            doc.low(p),
            "sentence"
                | "sentences"
                | "line"
                | "lines"
                | "entry"
                | "page"
                | "passage"
                | "paragraph"
                | "chapter"
                | "preface"
                | "dedication"
                | "inscription"
                | "verse"
                | "opening"
                | "ending"
                | "conclusion"
        );
        if !part {
            return None;
        }
        let mut w = p;
        while w > from && p - w < 3 && doc.is_word(w - 1) && doc.low(w - 1) != "its" {
            w -= 1;
        }
        if w <= from || !doc.is_word(w - 1) || doc.low(w - 1) != "its" {
            return None;
        }
        let own = self.sentence_start(w - 1);
        if own == 0 {
            return None;
        }
        let start = self.sentence_start(own - 1);
        let work = |k: usize| {
            doc.is_word(k)
                && matches!(
                    doc.low(k),
                    "paper"
                        | "book"
                        | "letter"
                        | "diary"
                        | "essay"
                        | "poem"
                        | "article"
                        | "report"
                        | "will"
                        | "memoir"
                        | "memoirs"
                        | "novel"
                        | "speech"
                        | "notebook"
                        | "journal"
                        | "thesis"
                        | "note"
                        | "message"
                )
        };
        for k in start..own {
            if self.quote_of[k] != NONE || !work(k) {
                continue;
            }
            // `Her last paper`, `Hallberg's final report`
            for x in k.saturating_sub(3).max(start)..k {
                if doc.is_word(x) && matches!(doc.low(x), "his" | "her") {
                    return self.antecedent(x, true);
                }
                let mark = x >= start + 2
                    && doc.low(x) == "s"
                    && matches!(doc.toks[x - 1].ch, '\'' | '\u{2019}');
                if let Some(e) = self.ent(x.wrapping_sub(2)).filter(|_| mark) {
                    return Some(e);
                }
            }
        }
        None
    }

    /// A message noun at token `p` with its writer before it: a possessive
    /// pronoun (`his message`, `her letter`: the person it means) or a name
    /// with `'s` (`Brekke's letter`). `Some(writer)` when `p` is such a
    /// noun phrase.
    fn possessed_message(&self, p: usize, from: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        let message = doc.is_word(p)
            && (self.cue_flags[p] & cue::NOUN != 0
                || matches!(
                    doc.low(p),
                    "message"
                        | "letter"
                        | "email"
                        | "e-mail"
                        | "note"
                        | "tweet"
                        | "post"
                        | "reply"
                        | "response"
                        | "memo"
                        | "telegram"
                        | "diary"
                        | "diaries"
                        | "journal"
                        | "notebook"
                        | "letters"
                        | "memoir"
                        | "blog"
                        | "column"
                        | "speech"
                        | "words"
                ));
        if !message || p <= from {
            return None;
        }
        let w = p - 1;
        // `Brekke's letter`: the possessive `'s` is two tokens of its own.
        if w >= from + 2 && doc.low(w) == "s" && doc.toks[w].gap == Gap::None {
            let mark = matches!(doc.toks[w - 1].ch, '\'' | '\u{2019}');
            if let Some(e) = self.ent(w - 2).filter(|_| mark) {
                return Some(Some(e));
            }
        }
        if doc.is_word(w) && matches!(doc.low(w), "his" | "her") {
            return Some(self.antecedent(w, true));
        }
        if doc.is_word(w) && matches!(doc.low(w), "its") {
            return Some(self.antecedent(w, false));
        }
        None
    }

    /// A nominal subject ending at token `p`, looking back to `from`: "the
    /// ministry", "menteri itu". `Some(speaker)` when there is one.
    fn nominal_before(&self, p: usize, from: usize, open: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        // (A capitalised word for a person, a nationality, may end one:
        // `the Dane said`.)
        let capital = doc.toks.get(p).is_some_and(|t| t.upper && !t.initial);
        if !doc.is_word(p) || capital && self.cue_flags[p] & cue::PERSON_NOUN == 0 {
            return None;
        }
        let closed = self.cue_flags[p] & cue::ANAPHOR_END != 0;
        let mut j = if closed { p } else { p + 1 };
        let mut words = Vec::new();
        while j > from && words.len() < 4 {
            let w = j - 1;
            // (A name may qualify the noun after a determiner: `the Calder
            // manager said`, `the Westbridge captain said`.)
            if let Some(e) = self.ent(w).filter(|_| !words.is_empty()) {
                let a = self.ent_toks[e].0;
                if a > from && self.cue_flags[a - 1] & cue::DETERMINER != 0 && a + 3 >= w {
                    j = a;
                    continue;
                }
            }
            if !doc.is_word(w) || self.ent(w).is_some() {
                break;
            }
            // "I tell them what my father told me: “…”": someone the
            // narrator calls `my`/`our` and does not name is nobody named.
            if doc.lang == super::tokens::Lang::En
                && !words.is_empty()
                && matches!(doc.low(w), "my" | "our")
            {
                return Some(None);
            }
            if self.cue_flags[w] & cue::DETERMINER != 0 {
                // "A spokesperson for the regulator said": the nominal is
                // the complement of an unnamed person's `for`/`of`.
                if self.unnamed_for(w, from) {
                    return Some(None);
                }
                return Some(self.nominal(&words, open));
            }
            words.push(w);
            j = w;
        }
        (closed && !words.is_empty()).then(|| self.nominal(&words, open))
    }

    /// Whether the nominal whose determiner is token `det` is the
    /// complement of `of`/`for`/`at`/`from` after an indefinite role or
    /// person noun (`a spokesperson for the regulator`, `an official at
    /// the ministry`), after token `from` (English only): that person is
    /// unnamed, and the nominal is not the speaker.
    fn unnamed_for(&self, det: usize, from: usize) -> bool {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En
            || det < from + 3
            || !doc.is_word(det - 1)
            || !matches!(doc.low(det - 1), "of" | "for" | "at" | "from")
        {
            return false;
        }
        let head = det - 2;
        let role = |w: usize| {
            doc.is_word(w)
                && (doc.toks[w].flags & TITLE != 0 || self.cue_flags[w] & cue::PERSON_NOUN != 0)
        };
        if !role(head) {
            return false;
        }
        // An indefinite article within three words before the noun.
        (head.saturating_sub(3).max(from)..head)
            .rev()
            .take_while(|&w| doc.is_word(w) && self.ent(w).is_none())
            .any(|w| matches!(doc.low(w), "a" | "an" | "one"))
    }

    /// What follows a cue, from token `at` to `to`: a name (`kata Rutte`,
    /// `said Ambassador Mohib`), a pronoun (`kata dia`, `said he`), or a
    /// nominal (`said the minister`, `kata menteri itu`).
    fn after_cue(&self, at: usize, to: usize, open: usize) -> Option<usize> {
        let doc = self.doc;
        let lim = to.min(at + AFTER_CUE);
        let mut k = at;
        // "demikian bunyi pernyataan kementerian", "dalam pernyataannya"
        while k < lim && doc.is_word(k) && self.cue_flags[k] & cue::NOUN != 0 {
            k += 1;
        }
        if k < lim && doc.is_word(k) {
            let fl = self.cue_flags[k];
            // ("One teacher's report, which she kept, described her as
            // “…”": an English object pronoun after the verb is whom it
            // speaks of, not who speaks.)
            // (`her` before a noun is a possessive: `according to her
            // colleague Ingrid Berg`.)
            let object = doc.lang == super::tokens::Lang::En
                && match doc.low(k) {
                    "him" | "them" | "me" | "us" => true,
                    "her" => {
                        !doc.is_word(k + 1)
                            || matches!(
                                doc.low(k + 1),
                                "as" | "that" | "to" | "in" | "with" | "for" | "on" | "at" | "by"
                            )
                    }
                    _ => false,
                };
            if object {
                return None;
            }
            if fl & cue::PERSON_PRONOUN != 0 {
                return self.pronoun_antecedent(k, open, true);
            }
            if fl & cue::ORG_PRONOUN != 0 {
                return self.antecedent(k.min(open), false);
            }
        }
        // The first name, before a punctuation mark ends the phrase. A
        // comma followed by a capital or `dan`/`and`, or a bracket, does
        // not: it lists the parts of a long title (`kata Kepala Pusat Data,
        // Informasi, dan Komunikasi BNPB Rahmat Sitepu`), sets a name after
        // a role (`in the words of the Crown prosecutor, Mark Tedeschi`) or
        // holds an acronym (`Badan Penanggulangan Bencana Daerah (BPBD)`).
        // A person is preferred to an organisation: `said NATO chief Mark
        // Rutte`, `kata Kepala Badan … (BPBD) Kota Semarang Agus Riyanto`.
        // A name set off by a comma after a title is the speaker even when
        // the title holds a name of its own: `kata Ketua Asosiasi Asuransi
        // Jiwa Indonesia, Evelina Fadil Pietruschka`.
        let name_lim = to.min(at + NAME_AFTER_CUE);
        let mut org = None;
        let mut person = None;
        let mut phrase_end = name_lim;
        for j in k..name_lim {
            if let Some(e) = self.ent(j) {
                if self.is_person(e) {
                    if j > k && doc.is(j - 1, ',') {
                        // (Unless a person was named already and this name
                        // opens a clause: `According to his biographer Alan
                        // Reid, Ashdown was “…”`.)
                        let after = self.ent_toks[e].1;
                        // (In Indonesian a place follows: `…, Evelina Fadil
                        // Pietruschka di Jakarta`.)
                        // (Nor when the quotation goes on from it: `According
                        // to Hennessey, Sørgaard “asked to play …”`.)
                        let clause = doc.lang == super::tokens::Lang::En
                            && doc.is_word(after)
                            && !doc.toks[after].upper
                            || doc.toks.get(after).is_some_and(|t| {
                                t.kind == Kind::Punct && is_mark(t.ch) && after + 1 >= to
                            });
                        // (Nor when it owns the appositive: `said Olivier
                        // Marchetti, Skyrelle’s chief executive`.)
                        let owner = doc.toks.get(after).is_some_and(|t| {
                            t.kind == Kind::Punct && matches!(t.ch, '\'' | '\u{2019}')
                        }) && doc.is_word(after + 1)
                            && doc.low(after + 1) == "s";
                        if person.is_some() && (clause || owner) {
                            break;
                        }
                        return Some(e);
                    }
                    // "said Thamesbury Athletic manager Steve Callaghan": a
                    // name after a role word heads the phrase; the name
                    // before only qualifies the role.
                    if person.is_some_and(|p| p != e && self.role_between(p, j)) {
                        person = Some(e);
                    }
                    person = person.or(Some(e));
                } else {
                    org = org.or(Some(e));
                }
            }
            let t = &doc.toks[j];
            if t.kind == Kind::Punct && j > k {
                let listing = match t.ch {
                    ',' => doc.toks.get(j + 1).is_some_and(|x| {
                        x.kind == Kind::Word && (x.upper || self.cue_flags[j + 1] & cue::AND != 0)
                    }),
                    '(' | ')' => true,
                    // "said the foundation's president, Joel Wachs": a
                    // possessive goes on with the phrase.
                    '\'' | '\u{2019}' => {
                        doc.is_word(j + 1)
                            && doc.low(j + 1) == "s"
                            && doc.toks[j + 1].gap == Gap::None
                    }
                    // "said Dr. Jane Porter": an abbreviation's dot.
                    '.' => !t.term,
                    _ => false,
                };
                if !listing {
                    phrase_end = j;
                    break;
                }
            }
        }
        if person.is_some() {
            return person;
        }
        if let Some(o) = org {
            let (oa, oz) = self.ent_toks[o];
            // "kata seorang pejabat Kementerian PUPR", "said an official at
            // the ministry": someone unnamed of the organisation.
            let unnamed = (k..oa).any(|j| {
                doc.is_word(j)
                    && matches!(doc.low(j), "seorang" | "salah" | "a" | "an" | "one")
                    && (j + 1..oa).any(|w| {
                        doc.is_word(w)
                            && (self.cue_flags[w] & cue::PERSON_NOUN != 0
                                || doc.toks[w].flags & TITLE != 0)
                    })
            });
            if unnamed {
                return None;
            }
            // "kata Ketua KPU" after "Ketua KPU Mochammad Afifuddin": a title
            // and an organisation, the title of someone named before.
            let phrase = || (k..oz).map(|j| doc.low(j)).collect::<Vec<_>>().join(" ");
            if doc.lang != super::tokens::Lang::En
                && oa > k
                && (k..oa).all(|j| doc.is_word(j) && doc.toks[j].flags & TITLE != 0)
            {
                if let Some(e) = self.title_holder(&phrase(), open) {
                    return Some(e);
                }
            }
            // "terang Wakil Ketua Fraksi Partai Demokrat ini", "ucap
            // politisi Partai Gerindra itu": a role phrase closed by
            // `ini`/`itu` points back to someone; the organisation in it
            // only qualifies the role.
            let anaphoric = (oz..phrase_end).any(|j| self.cue_flags[j] & cue::ANAPHOR_END != 0)
                && self.ent(k).is_none();
            if !anaphoric {
                return org;
            }
            let words: Vec<usize> = (k..oa).filter(|&j| doc.is_word(j)).collect();
            // (A title and its organisation, `tegas Ketua Komisi II
            // tersebut`, is the person near whom the text gave no other
            // title: not `Ketua KPU X` for holding `Ketua`.)
            // (A word for a kind of person is no such title: `ujar
            // politikus Partai Golkar itu` fits someone of any.)
            let titled = !words.is_empty()
                && words.iter().all(|&j| {
                    doc.toks[j].flags & TITLE != 0 && self.cue_flags[j] & cue::PERSON_NOUN == 0
                })
                && doc.lang != super::tokens::Lang::En;
            if titled {
                let phrase = phrase();
                let fits = |e: &usize| self.title_holds(*e, &phrase) != Some(false);
                return self.walk_back(open, true, Gender::Unknown, true).filter(fits);
            }
            return self.nominal(&words, open);
        }
        // A nominal: determiner + nouns, or nouns + `itu`/`tersebut`, or a
        // bare noun that names an earlier speaker.
        let mut words = Vec::new();
        let mut j = k;
        if j < lim && self.cue_flags[j] & cue::DETERMINER != 0 {
            j += 1;
        }
        while j < lim && doc.is_word(j) && words.len() < 3 {
            if self.cue_flags[j] & cue::ANAPHOR_END != 0 {
                break;
            }
            words.push(j);
            j += 1;
        }
        // "kata pria yang sudah 20 tahun berdagang itu": a relative clause
        // may stand between the head noun and its closing `itu`.
        if let Some(&head) = words.first() {
            let closes = (j..to.min(j + 10))
                .take_while(|&x| doc.toks[x].kind != Kind::Punct)
                .any(|x| self.cue_flags[x] & cue::ANAPHOR_END != 0);
            if closes && self.cue_flags[head] & cue::PERSON_NOUN != 0 {
                return self.nominal(&[head], open);
            }
        }
        // "…, said the union had “lost sight …”": an auxiliary makes the
        // words a clause with its own subject, not a speaker after the verb.
        let clause = words.iter().any(|&w| {
            matches!(
                doc.low(w),
                "had"
                    | "has"
                    | "have"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "would"
                    | "will"
                    | "could"
                    | "should"
                    | "might"
                    | "must"
                    | "did"
                    | "does"
                    | "can"
                    | "may"
            )
        });
        if words.is_empty() || clause {
            return None;
        }
        self.nominal(&words, open)
    }

    /// Whether only one to three lower-case words or titles stand between
    /// the end of span `p` and token `j`, one of them a role (`manager`,
    /// `coach`, `spokesman`, `Secretary`): in English, `Thamesbury Athletic
    /// manager Steve Callaghan`, `Defence Secretary John Healey` (when the
    /// entity rules took `Defence` for a name).
    fn role_between(&self, p: usize, j: usize) -> bool {
        let doc = self.doc;
        let after = self.ent_toks[p].1;
        if doc.lang != super::tokens::Lang::En || after >= j || j - after > 3 {
            return false;
        }
        let plain = (after..j)
            .all(|x| doc.is_word(x) && (!doc.toks[x].upper || doc.toks[x].flags & TITLE != 0));
        let role =
            |x: usize| doc.toks[x].flags & TITLE != 0 || self.cue_flags[x] & cue::PERSON_NOUN != 0;
        // (The rest of the organisation's name may stand before the role
        // when the tagger took only its first word: `Thamesbury [Athletic]
        // manager Steve Callaghan`.)
        let rest_of_name = (after..j - 1).all(|x| doc.is_word(x) && doc.toks[x].upper)
            && !doc.toks[j - 1].upper
            && role(j - 1);
        (plain && (after..j).any(role)) || rest_of_name
    }

    /// The latest person before token `open` whose title, as the entity
    /// rules gave it (`Menteri Keuangan`, `Ketua KPU`), holds `phrase`
    /// (lower case, words separated by single spaces).
    fn title_holder(&self, phrase: &str, open: usize) -> Option<usize> {
        let doc = self.doc;
        let b = doc.toks[open.min(doc.toks.len() - 1)].start();
        let upto = self.ents.partition_point(|s| s.start < b);
        (0..upto).rev().take(LOOKBACK).find(|&e| {
            let s = &self.ents[e];
            s.label == labels::PERSON
                && !self.inside_quote_byte(s.start)
                && self.title_holds(e, phrase) == Some(true)
        })
    }

    /// Whether the title the entity rules gave span `e` holds `phrase`
    /// (lower case, words separated by single spaces); `None` when it has
    /// none. An abbreviated title holds what it stands for (`Menkeu` is
    /// `menteri keuangan`); a deputy's does not hold the office (`Wakil
    /// Ketua KPU` does not hold `ketua kpu`).
    fn title_holds(&self, e: usize, phrase: &str) -> Option<bool> {
        let (a, z) = self.ents[e].title?;
        let title = self.doc.lower[a..z]
            .split_whitespace()
            .map(|w| title_abbr(w).unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ");
        let (title, phrase) = (format!(" {title} "), format!(" {phrase} "));
        Some(title.match_indices(&phrase).any(|(at, _)| !title[..at].ends_with(" wakil")))
    }

    /// The speaker a nominal (the word tokens `words`) stands for, in a
    /// quotation opening at token `open`: the latest PERSON/ORG whose name
    /// or title holds one of the words; failing that, a role word acts as a
    /// person pronoun and an institution word as `it`.
    fn nominal(&self, words: &[usize], open: usize) -> Option<usize> {
        let doc = self.doc;
        // "kata seorang warga", "said a resident": an indefinite brings in
        // someone new and unnamed.
        if words
            .iter()
            .any(|&w| matches!(doc.low(w), "a" | "an" | "one" | "another" | "seorang" | "sebuah"))
        {
            return None;
        }
        // (`the 26-year-old said` names a person too.)
        let role = words.iter().any(|&w| {
            doc.toks[w].flags & TITLE != 0
                || self.cue_flags[w] & cue::PERSON_NOUN != 0
                || doc.low(w).ends_with("-year-old")
        });
        let institution = words.iter().any(|&w| self.cue_flags[w] & cue::INSTITUTION != 0);
        if let Some(e) = self.named_by(words, open) {
            return Some(e);
        }
        // `kata Menkeu` after `Menteri Keuangan Purbaya Yudhi Sadewa`.
        if doc.lang != super::tokens::Lang::En {
            let long = words.iter().find_map(|&w| title_abbr(doc.low(w)));
            if let Some(e) = long.and_then(|l| self.title_holder(l, open)) {
                return Some(e);
            }
            // `kata menteri itu` after `Menkeu Purbaya Yudhi Sadewa`.
            let titles: Vec<&str> = words
                .iter()
                .filter(|&&w| doc.toks[w].flags & TITLE != 0)
                .map(|&w| doc.low(w))
                .collect();
            if let Some(e) =
                self.title_holder(&titles.join(" "), open).filter(|_| !titles.is_empty())
            {
                return Some(e);
            }
        }
        let found = if role {
            // (In English a definite role word often brings in someone
            // new, `Then the bishop visited and said`: only someone near
            // is taken. Indonesian `perwira menengah itu` points back.)
            let fallback = doc.lang != super::tokens::Lang::En;
            let found = self.walk_back(open, true, Gender::Unknown, fallback);
            // A title (`the minister`, `menteri itu`) is not someone the
            // text gave another role: a title of their own, or an
            // appositive (`Anna Berg, a teacher in Oslo`, `Budi Santoso,
            // warga setempat`), since `named_by` found no holder of it.
            // (An Indonesian word for a kind of person, `politikus itu`,
            // fits someone of any title.)
            let generic = |w: usize| {
                doc.lang != super::tokens::Lang::En && self.cue_flags[w] & cue::PERSON_NOUN != 0
            };
            let titled = words.iter().any(|&w| doc.toks[w].flags & TITLE != 0 && !generic(w));
            found.filter(|&e| !(titled && self.has_role(e)))
        } else if institution {
            self.antecedent(open, false)
        } else {
            None
        };
        found.filter(|&e| !self.in_fronted_phrase(e, words))
    }

    /// Whether span `e` stands in a phrase that opens the sentence of the
    /// nominal `words` and that a comma closes before it (English only):
    /// `Speaking to the BBC, the minister said`, `In a letter to
    /// Microsoft, the regulator said`. The name there is whom the phrase
    /// is about, not the nominal subject after it. (Not when the sentence
    /// opens with the name: `Anna Berg arrived on Monday, and the minister
    /// said` may mean her.)
    fn in_fronted_phrase(&self, e: usize, words: &[usize]) -> bool {
        let doc = self.doc;
        let Some(&first) = words.iter().min() else { return false };
        if doc.lang != super::tokens::Lang::En {
            return false;
        }
        let (a, b) = self.ent_toks[e];
        let start = self.sentence_start(first);
        a > start && b <= first && (b..first).any(|k| doc.is(k, ',')) && self.ent(start).is_none()
    }

    /// Whether the text gives person `e`, at a mention written as this one
    /// at or before it, a role: a title before the name or an appositive
    /// after it (`, a teacher`, `, warga setempat`).
    fn has_role(&self, e: usize) -> bool {
        let doc = self.doc;
        let name = &doc.text[self.ents[e].start..self.ents[e].end];
        (0..=e).rev().take(LOOKBACK).any(|x| {
            let s = &self.ents[x];
            if s.label != labels::PERSON || &doc.text[s.start..s.end] != name {
                return false;
            }
            let last = self.ent_toks[x].1;
            let appositive = doc.is(last, ',')
                && doc.is_word(last + 1)
                && !doc.toks[last + 1].upper
                && self.cue_flags[last + 1] & (cue::VERB | cue::AND) == 0;
            s.title.is_some() || appositive
        })
    }

    /// The latest PERSON/ORG before token `open` whose name, title or
    /// appositive holds one of the word tokens `words` (`the ministry` →
    /// `Kementerian Luar Negeri Jepang`, `the minister` → `Finance
    /// Minister Sri Mulyani`, `the association` → `The operators'
    /// association, Deltaport Employers,`, `the utility` → `Maritime Grid,
    /// the province's main utility,`).
    fn named_by(&self, words: &[usize], open: usize) -> Option<usize> {
        let doc = self.doc;
        let n = doc.toks.len();
        // A role or institution word among the words is the head that
        // must match (`the health secretary` is not `the opposition health
        // spokesman`).
        let head = |w: usize| {
            doc.toks[w].flags & TITLE != 0
                || self.cue_flags[w] & (cue::PERSON_NOUN | cue::INSTITUTION) != 0
        };
        let heads: Vec<usize> = words.iter().copied().filter(|&w| head(w)).collect();
        let words = if heads.is_empty() { words } else { &heads[..] };
        // (A head that is a word for an institution and for nothing else,
        // `the foundation`, names an organisation, not the person said to
        // be `the president of the foundation`.)
        let institutional = !heads.is_empty()
            && heads.iter().all(|&w| {
                self.cue_flags[w] & (cue::INSTITUTION | cue::PERSON_NOUN) == cue::INSTITUTION
                    && doc.toks[w].flags & TITLE == 0
            });
        let b = doc.toks[open].start();
        let upto = self.ents.partition_point(|s| s.start < b);
        for e in (0..upto).rev().take(LOOKBACK) {
            let s = &self.ents[e];
            if s.label != labels::PERSON && s.label != labels::ORG
                || self.inside_quote_byte(s.start)
            {
                continue;
            }
            let (first, last) = self.ent_toks[e];
            if self.in_term[first] {
                continue;
            }
            // (The title the entity rules gave the name counts whole, with
            // its lower-case words: `Pengamat politik Cecep Hidayat`.)
            let title_from = match s.title {
                Some((a, _)) => self.title_start(first).min(doc.tok_at(a)),
                None => self.title_start(first),
            };
            // (An institution word that only depends on another noun
            // there, `the president of the foundation`, `the foundation's
            // president`, does not make the name the institution.)
            let dependent = |j: usize| {
                let mut b = j;
                while b > 0 && doc.is_word(b - 1) && matches!(doc.low(b - 1), "the" | "a" | "an") {
                    b -= 1;
                }
                doc.toks.get(j + 1).is_some_and(|t| matches!(t.ch, '\'' | '\u{2019}'))
                    || b > 0 && doc.is_word(b - 1) && matches!(doc.low(b - 1), "of" | "for" | "at")
            };
            let same = |j: usize, word: &str| {
                doc.is_word(j) && doc.low(j) == word && !(institutional && dependent(j))
            };
            // The appositive before the name, back to a comma or the start
            // of the sentence (`The operators' association, Deltaport
            // Employers,`), and the one after it, up to the next comma or
            // name (`Maritime Grid, the province's main utility,`).
            // (A title may stand between the comma and the name: `The
            // area manager, Dr. Fiona Harcourt,`.)
            let lead = if title_from < first
                && (title_from..first)
                    .all(|j| doc.toks[j].flags & TITLE != 0 || doc.toks[j].kind == Kind::Punct)
            {
                title_from
            } else {
                first
            };
            let comma_before = lead > 0 && doc.is(lead - 1, ',');
            // (An appositive after the name is a noun phrase: `, the …`,
            // `, a …`, `, its …`; `, said the union's …` is not one.)
            let comma_after = doc.is(last, ',')
                && doc.is_word(last + 1)
                && matches!(
                    doc.low(last + 1),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                );
            let before = |word: &str| {
                let mut j = lead - 1;
                while j > 0 && lead - 1 - j < 6 {
                    let p = j - 1;
                    if doc.toks[p].kind == Kind::Punct && !doc.is(p, '\'') || self.ent(p).is_some()
                    {
                        break;
                    }
                    if same(p, word) {
                        return true;
                    }
                    if doc.toks[p].initial {
                        break;
                    }
                    j = p;
                }
                false
            };
            // (A noun phrase that runs on into a verb of saying is the
            // verb's subject, not an appositive: `Speaking to the BBC, the
            // minister said`.)
            let after = |word: &str| {
                let mut j = last + 1;
                let mut found = false;
                while j < n && j - last < 9 {
                    if doc.toks[j].kind == Kind::Punct && !doc.is(j, '\'') || self.ent(j).is_some()
                    {
                        break;
                    }
                    if doc.lang == super::tokens::Lang::En && self.cue_flags[j] & cue::VERB != 0 {
                        return false;
                    }
                    found |= same(j, word);
                    j += 1;
                }
                found
            };
            // "Konrad Maelzer (1899 – 1971) was an Austrian composer and
            // conductor": what the name is said to be, after `is`/`was` and
            // an article (a bracket of dates may come between).
            let mut cop = last;
            if doc.is(cop, '(') {
                while cop < n && cop - last < 20 && !doc.is(cop, ')') {
                    cop += 1;
                }
                cop += 1;
            }
            let copula = cop + 1 < n
                && doc.is_word(cop)
                && matches!(doc.low(cop), "is" | "was")
                && doc.is_word(cop + 1)
                && matches!(doc.low(cop + 1), "a" | "an" | "the");
            let predicate = |word: &str| {
                let mut j = cop + 2;
                while j < n && j - cop < 10 {
                    let t = &doc.toks[j];
                    if t.kind == Kind::Punct && !matches!(t.ch, '-' | '\'') || self.ent(j).is_some()
                    {
                        break;
                    }
                    if same(j, word) {
                        return true;
                    }
                    j += 1;
                }
                false
            };
            let holds = |w: usize| {
                let word = doc.low(w);
                word.len() >= 3
                    && ((title_from..last).any(|j| same(j, word))
                        || comma_before && before(word)
                        || comma_after && after(word)
                        || copula && predicate(word))
            };
            if words.iter().any(|&w| holds(w)) {
                return Some(e);
            }
        }
        None
    }

    /// The first token of the title words written right before the name at
    /// token `first` ("Wali Kota Semarang Lestari", "Finance Minister Sri"):
    /// capitalised or title words on the same line, at most five.
    fn title_start(&self, first: usize) -> usize {
        let doc = self.doc;
        let mut j = first;
        while j > 0 && first - j < 5 {
            let p = j - 1;
            let t = &doc.toks[p];
            if doc.toks[j].gap > Gap::Space {
                break;
            }
            // "Politikus PDI-P Budiman Sudjatmiko": an organisation inside
            // the title.
            if let Some(o) = self.ent(p) {
                if self.is_person(o) {
                    break;
                }
                j = self.ent_toks[o].0;
                continue;
            }
            // "Dr. Andrew Westphal": an abbreviation's dot.
            if t.kind == Kind::Punct && t.ch == '.' && !t.term && p > 0 && doc.is_word(p - 1) {
                j = p;
                continue;
            }
            if t.kind != Kind::Word {
                break;
            }
            if !(t.upper || t.flags & TITLE != 0) {
                break;
            }
            j = p;
        }
        j
    }

    /// The first PERSON (else the first ORG) among tokens `[from, to)`,
    /// outside quotations.
    fn first_name(&self, from: usize, to: usize) -> Option<usize> {
        let mut org = None;
        for k in from..to {
            if self.quote_of[k] != NONE || self.in_term[k] {
                continue;
            }
            if let Some(e) = self.ent(k) {
                if self.is_person(e) {
                    return Some(e);
                }
                org = org.or(Some(e));
            }
        }
        org
    }

    /// The first token of the sentence holding token `k` (at most
    /// [`WALK`] tokens back, never across a paragraph).
    fn sentence_start(&self, k: usize) -> usize {
        let doc = self.doc;
        let mut s = k.min(doc.toks.len());
        let floor = k.saturating_sub(WALK);
        while s > floor {
            let p = s - 1;
            if doc.toks[p].term && self.quote_of[p] == NONE || self.quote_ends_at(p) {
                break;
            }
            if s < doc.toks.len() && doc.toks[s].gap == Gap::Para {
                break;
            }
            s = p;
        }
        s
    }

    /// Whether token `j` is the closing mark of an accepted quotation that
    /// ends its sentence, with a new sentence after it: `…her age.” Addo
    /// was more direct.` (the sentence mark inside the quotation ends the
    /// sentence around it too; `….” he said` goes on).
    fn quote_ends_at(&self, j: usize) -> bool {
        let doc = self.doc;
        let q = self.quote_of[j];
        if q == NONE || j == 0 || j + 1 >= doc.toks.len() {
            return false;
        }
        let next = &doc.toks[j + 1];
        doc.toks[j].kind == Kind::Punct
            && self.quote_of[j - 1] == q
            && doc.toks[j - 1].term
            && self.quote_of[j + 1] != q
            && next.kind == Kind::Word
            && next.upper
            && next.initial
    }

    /// The antecedent of a pronoun at token `open` (or of the `-nya` of a
    /// cue, or of a pronoun after the quotation opening at `open`): walking
    /// back sentence by sentence (outside
    /// quotations), the speaker of a quotation in the nearest sentence that
    /// has one of the right kind, else the first person (or organisation)
    /// named in it.
    fn antecedent(&self, open: usize, person: bool) -> Option<usize> {
        let doc = self.doc;
        let said = if person && doc.is_word(open) {
            pronoun_gender(doc.low(open))
        } else {
            Gender::Unknown
        };
        self.antecedent_of(open, person, said)
    }

    /// The antecedent of the pronoun at token `p`, for a quotation opening
    /// at token `open`: [`Self::antecedent`], with the pronoun's gender.
    fn pronoun_antecedent(&self, p: usize, open: usize, person: bool) -> Option<usize> {
        let said = if person { pronoun_gender(self.doc.low(p)) } else { Gender::Unknown };
        let found = self.antecedent_of(p.min(open), person, said)?;
        // In an interview answer, `he` or `she` is never the person the
        // turn is labelled with, who says `I` (`Ngata: … the minister …
        // she asked me, “…”`).
        if person && self.doc.lang == super::tokens::Lang::En {
            if let Some(label) = self.turn_label(p) {
                if self.same_person(label, found) {
                    return None;
                }
            }
        }
        Some(found)
    }

    /// Whether PERSONs `a` and `b` name the same person: the same words,
    /// or one is a one-word name that is the other's last word and no
    /// other full name of the text ends with it (`Ngata` and `Helen
    /// Ngata`; not `Moss` where the text names `Alan Moss` and `Peter
    /// Moss`).
    fn same_person(&self, a: usize, b: usize) -> bool {
        let doc = self.doc;
        let words = |e: usize| {
            let (x, y) = self.ent_toks[e];
            (x..y).filter(|&k| doc.is_word(k)).map(|k| doc.text_of(k)).collect::<Vec<_>>()
        };
        let (wa, wb) = (words(a), words(b));
        if wa.is_empty() || wb.is_empty() {
            return false;
        }
        if wa == wb {
            return true;
        }
        let (short, long) = if wa.len() == 1 {
            (&wa, &wb)
        } else if wb.len() == 1 {
            (&wb, &wa)
        } else {
            return false;
        };
        let family = short[0];
        if long.last() != Some(&family) {
            return false;
        }
        let families = self.families.get_or_init(|| {
            // Each last word: the first full name seen with it, and
            // whether another one ends with it too.
            let mut first: HashMap<&str, (&str, u8)> = HashMap::default();
            for (e, s) in self.ents.iter().enumerate() {
                let (x, y) = self.ent_toks[e];
                if !self.is_person(e) || y < x + 2 || !doc.is_word(y - 1) {
                    continue;
                }
                let (last, full) = (doc.text_of(y - 1), &doc.text[s.start..s.end]);
                let entry = first.entry(last).or_insert((full, 1));
                if entry.0 != full {
                    entry.1 = 2;
                }
            }
            first.into_iter().map(|(k, (_, n))| (k, n)).collect()
        });
        families.get(family).copied().unwrap_or(0) <= 1
    }

    /// [`Self::antecedent`] for a pronoun of gender `said`: a person the
    /// text marks as of the other gender is skipped (`she` is not `her
    /// brother Erik`).
    fn antecedent_of(&self, open: usize, person: bool, said: Gender) -> Option<usize> {
        self.walk_back(open, person, said, true)
    }

    /// [`Self::antecedent_of`]; with `fallback` false, the latest person
    /// far back is not taken when the walk finds nobody (a role word, `the
    /// bishop said`, names nobody it cannot find near).
    fn walk_back(&self, open: usize, person: bool, said: Gender, fallback: bool) -> Option<usize> {
        let doc = self.doc;
        let agrees = |e: usize| {
            if said == Gender::Unknown {
                return true;
            }
            let g =
                self.gender.get_or_init(|| genders(doc, self.ents, &self.ent_toks, &self.full))[e];
            g == Gender::Unknown || g == said
        };
        // "Hanne Dahl: A historian, Ola Brekke, found it": the name
        // labelling an interview turn is not what the turn talks about.
        let label = |e: usize| {
            let (first, after) = self.ent_toks[e];
            (first == 0 || doc.toks[first].gap >= Gap::Line) && doc.is(after, ':')
        };
        let want = |e: usize| self.is_kind(e, person) && agrees(e) && !label(e);
        let floor = open.saturating_sub(WALK);
        let n = doc.toks.len();
        let mut k = open.min(n);
        let mut sentences = 0;
        let mut paras = 0;
        let mut first: Option<usize> = None;
        let mut mention: Option<usize> = None;
        let mut quoted: Option<usize> = None;
        // The first token of `first`, and the earliest pronoun of the same
        // kind seen in the sentence.
        let mut first_at = 0;
        let mut pronoun_at: Option<usize> = None;
        let mut silent = false;
        // The name a pronoun subject stood before, when the walk went past
        // it.
        let mut chained: Option<usize> = None;
        // The earliest subject of the sentence that brings in someone new
        // and unnamed (`A spokesman for Parallax declined …`).
        let mut unnamed: Option<usize> = None;
        let mut continued_para = false;
        // The last token of the sentence being walked.
        let mut sent_end = open.min(n).saturating_sub(1);
        // How many times as often as the one found the person the text is
        // about must be named to take its place, when a sentence passed
        // continued the topic with a nominal (2) or a pronoun subject (3)
        // and no name; 0 when none did.
        let mut topic = 0;
        let pronoun = if person { cue::PERSON_PRONOUN } else { cue::ORG_PRONOUN };
        while k > floor {
            let j = k - 1;
            // A sentence ends between `j` and `k` at a sentence mark or a
            // line break.
            let broken = k < n && doc.toks[k].gap >= Gap::Line;
            if broken || (doc.toks[j].term && self.quote_of[j] == NONE) || self.quote_ends_at(j) {
                // "His manager, Harry Lockwood, described him as “…”. He
                // endured abuse …. “…,” he wrote": after sentences that
                // continue a topic with a pronoun subject, one whose name
                // has a pronoun of the same gender as its object is about
                // someone else, the topic: the walk goes on past it.
                let about_other = topic > 0
                    && said != Gender::Unknown
                    && quoted.or(first).is_some_and(|e| {
                        let after = self.ent_toks[e].1;
                        (after..=sent_end.min(n - 1)).any(|x| {
                            doc.is_word(x)
                                && self.quote_of[x] == NONE
                                && matches!(doc.low(x), "him" | "her")
                                && pronoun_gender(doc.low(x)) == said
                                && x > 0
                                && doc.toks[x - 1].cue & cue::VERB != 0
                        })
                    });
                if about_other {
                    quoted = None;
                    first = None;
                    mention = None;
                } else if quoted.is_some() {
                    return self.chain_end(quoted, chained, topic, open, person, said);
                }
                // "“…,” the company said. “…,” it added": the nearest
                // speaker is someone unnamed.
                if silent && first.is_none() {
                    return None;
                }
                // "A spokesman for Parallax declined to say …. “…,” he
                // said": an unnamed subject before any name.
                if unnamed.is_some_and(|u| first.is_none() || u < first_at) {
                    return None;
                }
                // "The judge was not persuaded. “…,” she wrote": a sentence
                // opening with a role noun names whoever holds the role.
                // (Not the sentence of the quotation itself: `The health
                // secretary had “…,” he said` names whoever `he` is.)
                if first.is_none() && sentences > 0 {
                    if let Some(e) = self.role_subject(k, person).filter(|&e| want(e)) {
                        return self.chain_end(Some(e), chained, topic, open, person, said);
                    }
                }
                // "He met President Prabowo Subianto. “…,” he said": a
                // sentence whose subject is already a pronoun continues its
                // topic, so the name after that pronoun is not the
                // antecedent; the walk goes on to what that pronoun means.
                // (So does one whose subject is a definite nominal for a
                // person: `The Frenchman, who joined in January, rose to
                // meet a corner from Luke Barnes.`)
                let nominal_subject =
                    person && first.is_some() && first_at > k && self.person_nominal_subject(k);
                // (A sentence before the quotation's own with such a
                // nominal subject and no name, `The composer never forgot
                // the review.`, continues the topic too: whoever the walk
                // then finds must be named about as often as the person the
                // text is about.)
                // (So does one opening with a subject pronoun and naming
                // nobody, `In 1991 she was offered an OBE and turned it
                // down.`, more weakly: three times as often.)
                if person && doc.lang == super::tokens::Lang::En && first.is_none() && sentences > 0
                {
                    if self.person_nominal_subject(k) {
                        topic = 2;
                    } else if pronoun_at.is_some_and(|p| p - k <= 3) && topic == 0 {
                        topic = 3;
                    }
                }
                if first.is_some() && (pronoun_at.is_some_and(|p| p < first_at) || nominal_subject)
                {
                    chained = chained.or(first);
                    first = None;
                    mention = None;
                    // (A paragraph opening so points further back: the
                    // walk may go one paragraph more.)
                    continued_para |= k < n && doc.toks[k].gap == Gap::Para;
                } else if let Some(sp) = mention.or(first) {
                    return self.chain_end(Some(sp), chained, topic, open, person, said);
                }
                pronoun_at = None;
                silent = false;
                unnamed = None;
                sent_end = j;
                // (A section heading between, `Early life`, `Pavia`, is
                // neither a sentence nor a paragraph of the text.)
                if !self.heading_at(k) {
                    sentences += 1;
                    paras += usize::from(k < n && doc.toks[k].gap == Gap::Para);
                }
                if sentences > SENTENCES_BACK || paras > 1 + usize::from(continued_para) {
                    break;
                }
            }
            let q = self.quote_of[j];
            if q != NONE {
                let quote = &self.quotes[q as usize];
                // (Words the narrator's `I said` brings in are not what a
                // `he` or `she` after them means: `I said, “Next week.” He
                // said, “We want.”`.)
                let own = said != Gender::Unknown
                    && self
                        .quote_open
                        .get(q as usize)
                        .is_some_and(|&o| self.first_person_cue(o, j));
                if let Some(sp) = quote.speaker.filter(|&e| want(e) && !own) {
                    quoted = quoted.or(Some(sp));
                }
                silent |= self.quote_unnamed.get(q as usize).copied().unwrap_or(false);
                k = self.quote_open.get(q as usize).copied().unwrap_or(0).min(j);
                continue;
            }
            // "Analyst Tom Whitfield of Carrow Capital said": the name
            // after `of` stands for the person before it.
            let e = self.ent(j).map(|e| self.of_head(e).unwrap_or(e));
            // ("To her friend Dora Kemp she wrote": the addressee fronted
            // in the pronoun's own sentence is not what it means.)
            let addressee = |e: usize| {
                sentences == 0
                    && (self.fronted_to(e)
                        // ("Reinholt, he wrote, “…”": the name the
                        // parenthetical `, he wrote,` follows is what the
                        // words are about, not who `he` is.)
                        || doc.is(self.ent_toks[e].1, ',')
                            && self.ent_toks[e].1 + 1 == open
                            && doc.is_word(open)
                            && matches!(doc.low(open), "he" | "she")
                            && doc.is(open + 2, ','))
            };
            if let Some(e) =
                e.filter(|&e| want(e) && !self.in_term[j] && !addressee(e) && !self.before_title(e))
            {
                first = Some(e);
                first_at = j;
                if self.next_to_cue(j) {
                    mention = Some(e);
                }
            } else if doc.is_word(j) && self.cue_flags[j] & pronoun != 0 {
                // (A pronoun of the other gender does not continue the
                // topic: `In 1931 he married the soprano Lotte Weiss. She
                // later recalled` means Lotte Weiss.)
                let g = pronoun_gender(doc.low(j));
                if said == Gender::Unknown || g == Gender::Unknown || g == said {
                    pronoun_at = Some(j);
                }
            } else if person && self.unnamed_subject(j, said) {
                unnamed = Some(j);
            }
            k = j;
        }
        let found = quoted.or(mention).or(first);
        if found.is_some() || chained.is_some() {
            return self.chain_end(found, chained, topic, open, person, said);
        }
        if !fallback {
            return None;
        }
        self.latest(open, person, said)
    }

    /// Whether token `k` opens a section heading: a paragraph of its own of
    /// one to six tokens, capitalised, with no sentence mark (`Early life`,
    /// `Reign`, `Later life and death`).
    fn heading_at(&self, k: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        if k >= n || (k > 0 && doc.toks[k].gap != Gap::Para) || !doc.toks[k].upper {
            return false;
        }
        let mut m = k + 1;
        while m < n && doc.toks[m].gap < Gap::Line {
            if m - k >= 6 || doc.toks[m].term || self.quote_of[m] != NONE {
                return false;
            }
            m += 1;
        }
        m < n && doc.toks[m].gap == Gap::Para && !doc.toks[m - 1].term
    }

    /// What `It` opening a sentence at token `p` means when the sentence
    /// before is about a message and names nobody (`She kept the letter of
    /// refusal framed above her desk. It said only that …`): the message,
    /// so its writer (`his letter`), else nobody. `None` when it is not so
    /// (English only).
    fn message_it(&self, p: usize) -> Option<Option<usize>> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En || doc.low(p) != "it" || !doc.toks[p].initial {
            return None;
        }
        let own = self.sentence_start(p);
        if own != p || own == 0 {
            return None;
        }
        let start = self.sentence_start(own - 1);
        let noun = (start..own).find(|&k| {
            doc.is_word(k)
                && self.quote_of[k] == NONE
                && matches!(
                    doc.low(k),
                    "letter"
                        | "note"
                        | "message"
                        | "telegram"
                        | "email"
                        | "memo"
                        | "card"
                        | "notice"
                )
        })?;
        if let Some(Some(w)) = self.possessed_message(noun, start) {
            return Some(Some(w));
        }
        // "Her will left her papers to McGill with a short note. It
        // read:": the writer of the work the sentence opens with.
        if let Some(w) = self.work_writer_subject(start, noun) {
            return Some(Some(w));
        }
        // (A sentence naming someone, `The company sent a letter to
        // staff.`, leaves `it` to mean what it names.)
        if (start..own).any(|k| self.ent(k).is_some()) {
            return None;
        }
        Some(None)
    }

    /// The writer when the sentence from token `start` opens with `his`/
    /// `her` and a word for a work (`Her will left …`), before token `to`.
    fn work_writer_subject(&self, start: usize, to: usize) -> Option<usize> {
        let doc = self.doc;
        if !doc.is_word(start) || !matches!(doc.low(start), "his" | "her") {
            return None;
        }
        let work = (start + 1..(start + 4).min(to)).any(|k| {
            doc.is_word(k)
                && matches!(
                    doc.low(k),
                    "will" | "letter" | "diary" | "memoir" | "memoirs" | "notebook" | "journal"
                )
        });
        if !work {
            return None;
        }
        self.antecedent(start, true)
    }

    /// Whether span `e` is the object of a `To` opening its sentence, a
    /// few lower-case words before it (`To her friend Dora Kemp she
    /// wrote`): an addressee (English only).
    fn fronted_to(&self, e: usize) -> bool {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En {
            return false;
        }
        let mut x = self.ent_toks[e].0;
        let first = x;
        while x > 0 && first - x < 4 {
            x -= 1;
            if !doc.is_word(x) {
                return false;
            }
            if doc.low(x) == "to" {
                return doc.toks[x].initial;
            }
            if doc.toks[x].upper {
                return false;
            }
        }
        false
    }

    /// The person before `of`/`at`/`from` when span `e` is that
    /// preposition's complement (`Tom Whitfield of Carrow Capital`).
    fn of_head(&self, e: usize) -> Option<usize> {
        let doc = self.doc;
        let first = self.ent_toks[e].0;
        if first < 2 || !doc.is_word(first - 1) || doc.toks[first - 1].upper {
            return None;
        }
        if !matches!(doc.low(first - 1), "of" | "at" | "from") {
            return None;
        }
        self.ent(first - 2).filter(|&h| h != e && self.is_person(h))
    }

    /// Whether token `j` heads a subject that brings in a person nobody
    /// names: a role or person noun after `a`, `an`, `one` or `another`
    /// (in Indonesian `seorang`: `Seorang karyawan yang terkena PHK, …`)
    /// (one word may come between: `A Parallax spokesman`) opening a
    /// sentence or a clause after a comma, with no name set off by a comma
    /// after it (`A spokeswoman for the authority, Femke de Wit,` is
    /// named), and not of the other gender than the pronoun (`said`).
    fn unnamed_subject(&self, j: usize, said: Gender) -> bool {
        let doc = self.doc;
        let en = doc.lang == super::tokens::Lang::En;
        if !doc.is_word(j) || doc.toks[j].upper {
            return false;
        }
        let role = doc.toks[j].flags & TITLE != 0
            || self.cue_flags[j] & cue::PERSON_NOUN != 0
            || en && MORE_PERSON_NOUNS.contains(&doc.low(j));
        let g = gender_word(doc.low(j));
        // "From my grandmother. She was born in …": a relative the speaker
        // of the text calls `my`/`our` and does not name, of the pronoun's
        // gender.
        if en
            && j > 0
            && g != Gender::Unknown
            && g == said
            && doc.is_word(j - 1)
            && matches!(doc.low(j - 1), "my" | "our")
            && !self.ent(j + 1).is_some_and(|e| self.is_person(e))
            && !(doc.is(j + 1, ',') && self.ent(j + 2).is_some_and(|e| self.is_person(e)))
        {
            return true;
        }
        if !role {
            return false;
        }
        // (`Seorang karyawan yang terkena PHK … mengaku …. “…,” ujarnya`.)
        let article = (j.saturating_sub(2)..j).find(|&a| {
            doc.is_word(a)
                && if en {
                    matches!(doc.low(a), "a" | "an" | "one" | "another")
                } else {
                    doc.low(a) == "seorang"
                }
        });
        let Some(a) = article else { return false };
        if a + 2 == j && !doc.is_word(a + 1) {
            return false;
        }
        // (Also a clause after `, and`: `…, and a man in Rancagua sold us
        // his old bus`.)
        let coordinated = en
            && a >= 2
            && doc.is_word(a - 1)
            && matches!(doc.low(a - 1), "and" | "but")
            && doc.is(a - 2, ',');
        // (Or after an opening adverb: `Then a businessman from Batumi
        // heard us play`.)
        // (Not after a preposition: `As a young man he wrote` is about
        // him.)
        let opened = en && a > 0 && a <= j && {
            let s0 = self.sentence_start(a);
            a - s0 <= 2
                && (s0..a).all(|x| {
                    doc.is_word(x)
                        && matches!(
                            doc.low(x),
                            "then"
                                | "later"
                                | "soon"
                                | "once"
                                | "suddenly"
                                | "finally"
                                | "eventually"
                                | "afterwards"
                                | "next"
                                | "now"
                                | "also"
                        )
                })
        };
        // (Or after a fronted phrase of place or time with no comma: `In a
        // village near Poitiers a farmer let them sleep`; not `As a young
        // man he wrote`, whose `a` is inside the phrase.)
        let fronted = en && a > 1 && a <= j && {
            let s0 = self.sentence_start(a);
            let next = j + 1;
            a - s0 <= 7
                && doc.is_word(s0)
                && matches!(
                    doc.low(s0),
                    "in" | "at" | "on" | "near" | "outside" | "during" | "after" | "before"
                )
                && (s0 + 1..a).all(|x| doc.is_word(x))
                && doc.toks[a - 1].upper
                && self.ent(a - 1).is_none_or(|e| !self.is_person(e))
                && doc.is_word(next)
                && !doc.toks[next].upper
                && self.cue_flags[next] & (cue::PERSON_PRONOUN | cue::ORG_PRONOUN) == 0
        };
        if !(doc.toks[a].initial || a > 0 && doc.is(a - 1, ',') || coordinated || opened || fronted)
        {
            return false;
        }
        if said != Gender::Unknown && g != Gender::Unknown && g != said {
            return false;
        }
        let n = doc.toks.len();
        for x in j + 1..(j + 10).min(n) {
            if doc.toks[x].term {
                break;
            }
            if doc.is(x, ',') {
                return !self.ent(x + 1).is_some_and(|e| self.is_person(e));
            }
            // ("a man called Seamus Twomey", "a woman named Ana": named
            // after all.)
            if en
                && x == j + 1
                && doc.is_word(x)
                && matches!(doc.low(x), "called" | "named")
                && self.ent(x + 1).is_some_and(|e| self.is_person(e))
            {
                return false;
            }
        }
        true
    }

    /// Whether the sentence starting at token `k` has a definite nominal
    /// for a person as its subject: `the` and a role word (`The striker
    /// said`, `The 26-year-old scored`) or a word for a nationality (`The
    /// Frenchman, who …`, `The Brazilian said`), followed by a comma, a
    /// verb of saying or `who`, or (for a role word) a lower-case word, and
    /// not by a name set off by a comma (`The minister, Anouk Brinkman,`).
    fn person_nominal_subject(&self, k: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        if k + 2 >= n || !doc.is_word(k) || doc.low(k) != "the" || !doc.is_word(k + 1) {
            return false;
        }
        let w = doc.low(k + 1);
        let t = &doc.toks[k + 1];
        let role = !t.upper
            && (t.flags & TITLE != 0
                || self.cue_flags[k + 1] & cue::PERSON_NOUN != 0
                || w.ends_with("-year-old"));
        let nationality = t.upper
            && !t.caps
            && ((w.ends_with("man") || w.ends_with("woman")) && w.len() > 6
                || w.ends_with("ian")
                || w.ends_with("ese")
                || w.ends_with("ean"));
        if !role && !nationality {
            return false;
        }
        // (A role of two words, `The chief executive, Ms. Gráinne Walsh,`,
        // is set off by its comma after both.)
        let second = role
            && k + 3 < n
            && doc.is_word(k + 2)
            && !doc.toks[k + 2].upper
            && (doc.toks[k + 2].flags & TITLE != 0
                || self.cue_flags[k + 2] & cue::PERSON_NOUN != 0)
            && doc.is(k + 3, ',');
        let comma = if second { k + 3 } else { k + 2 };
        let next = &doc.toks[k + 2];
        if doc.is(comma, ',') {
            // (A title may come first: `The headmistress, Mrs. Akosua
            // Mensah,`, `The director, Sir Lionel Beck,`.)
            let mut x = comma + 1;
            while x < n && x < comma + 5 && self.ent(x).is_none() {
                let t = &doc.toks[x];
                let title = t.kind == Kind::Word && t.upper && t.flags & TITLE != 0;
                let dot = t.kind == Kind::Punct && t.ch == '.' && !t.term;
                if !(title || dot) {
                    break;
                }
                x += 1;
            }
            return !self.ent(x).is_some_and(|e| self.is_person(e));
        }
        // (Not when a name follows the role's of-phrase: `The historian of
        // science Margherita Donadoni called …` names its subject.)
        let named_after = || {
            matches!(doc.low(k + 2), "of" | "at" | "from" | "for")
                && (k + 3..n.min(k + 7))
                    .take_while(|&x| doc.is_word(x))
                    .any(|x| self.ent(x).is_some_and(|e| self.is_person(e)))
        };
        next.kind == Kind::Word
            && (self.cue_flags[k + 2] & cue::VERB != 0
                || doc.low(k + 2) == "who"
                || role && !next.upper && self.ent(k + 2).is_none() && !named_after())
    }

    /// The person (or organisation) a sentence starting at token `k` with
    /// a definite role noun (`The judge was not persuaded`, `The ministry
    /// said`) is about: the latest one before it whose title or appositive
    /// holds the noun.
    fn role_subject(&self, k: usize, person: bool) -> Option<usize> {
        let doc = self.doc;
        if !doc.is_word(k) || doc.low(k) != "the" {
            return None;
        }
        let mut words = Vec::new();
        let mut j = k + 1;
        while j < doc.toks.len() && words.len() < 3 && doc.is_word(j) && !doc.toks[j].upper {
            words.push(j);
            j += 1;
        }
        let kind = |w: usize| {
            if person {
                doc.toks[w].flags & TITLE != 0 || self.cue_flags[w] & cue::PERSON_NOUN != 0
            } else {
                self.cue_flags[w] & cue::INSTITUTION != 0
            }
        };
        if !words.iter().any(|&w| kind(w)) {
            return None;
        }
        self.named_by(&words, k)
    }

    /// The antecedent found (`found`) after the walk went past a pronoun
    /// subject that stood before the name `chained`, or past a sentence
    /// that continued the topic with a nominal subject (`topic`): the one
    /// found (or its other mention of the same surname), unless
    /// the text is plainly about someone else — named at least twice as
    /// often (`Byron` in his biography, past a poem's caption naming John
    /// FitzGibbon); with nothing found, the person most named, else
    /// `chained`.
    fn chain_end(
        &self,
        found: Option<usize>,
        chained: Option<usize>,
        topic: usize,
        open: usize,
        person: bool,
        said: Gender,
    ) -> Option<usize> {
        if chained.is_none() && topic == 0 {
            return found;
        }
        let factor = if chained.is_some() { 2 } else { topic };
        let Some((top, top_count, counts)) = self.salience(open, person) else {
            return found.or(chained);
        };
        // (Not someone the text marks as of the other gender: after a text
        // about Ms. Osei-Bonsu, `Osei-Bonsu's brother, Kofi, … He said …`
        // leaves `he` with Kofi.)
        if said != Gender::Unknown {
            let g = self
                .gender
                .get_or_init(|| genders(self.doc, self.ents, &self.ent_toks, &self.full));
            if g[top] != said && g[top] != Gender::Unknown {
                return found.or(chained);
            }
        }
        // (In an interview turn, the person the turn is labelled with is
        // `I`, not the topic a `she` continues: `Tomasz Wrona: … Dr. Ewa
        // Sobczak is looking at why. She thinks …. “…,” she wrote`.)
        if self.turn_label(open).is_some_and(|l| self.full[l] == self.full[top]) {
            return found.or(chained);
        }
        let Some(f) = found else { return Some(top) };
        let text = self.doc.text;
        let s = &self.ents[self.full[f]];
        let f_count = counts.get(&text[s.start..s.end]).copied().unwrap_or(1);
        // (`Rosalind Achterberg` and `Rosalind Mary Achterberg` are one
        // person.)
        let t = &self.ents[self.full[top]];
        let last = |a: usize, b: usize| text[a..b].rsplit(' ').next().unwrap_or("");
        if last(t.start, t.end) == last(s.start, s.end) {
            return Some(f);
        }
        if top_count >= factor * f_count.max(1) {
            Some(top)
        } else {
            Some(f)
        }
    }

    /// The person (or organisation) the text before token `open` is most
    /// about: the one named most often among the latest names (a partial
    /// name counting for its full one), the latest on a tie.
    fn salience(&self, open: usize, person: bool) -> Option<(usize, usize, HashMap<&str, usize>)> {
        let b = self.doc.toks[open].start();
        let upto = self.ents.partition_point(|s| s.start < b);
        let kind = if person { labels::PERSON } else { labels::ORG };
        let names: Vec<usize> = (0..upto)
            .rev()
            .filter(|&e| {
                let s = &self.ents[e];
                let (first, after) = self.ent_toks[e];
                let label = (first == 0 || self.doc.toks[first].gap >= Gap::Line)
                    && self.doc.is(after, ':');
                s.label == kind
                    && !label
                    && !self.inside_quote_byte(s.start)
                    && !self.in_term[first]
            })
            .take(LOOKBACK)
            .collect();
        let text = self.doc.text;
        let name = |e: usize| {
            let s = &self.ents[self.full[e]];
            &text[s.start..s.end]
        };
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for &e in &names {
            *counts.entry(name(e)).or_insert(0) += 1;
        }
        // `names` runs from the latest back, so a strict `>` keeps the
        // latest on a tie.
        let mut best: Option<(usize, usize)> = None;
        for &e in &names {
            let count = counts.get(name(e)).copied().unwrap_or(0);
            if best.is_none_or(|(c, _)| count > c) {
                best = Some((count, e));
            }
        }
        best.map(|(c, e)| (e, c, counts))
    }

    /// Whether the entity covering token `k` is the subject of a verb of
    /// saying right after it ("Irvansyah mengaku", "Rutte said") or
    /// follows one ("kata Rutte").
    fn next_to_cue(&self, k: usize) -> bool {
        let doc = self.doc;
        let Some(e) = self.ent(k) else { return false };
        let (first, after) = self.ent_toks[e];
        let verb =
            |j: usize| self.cue_flags.get(j).is_some_and(|f| f & (cue::VERB | cue::ACCORDING) != 0);
        let comma_verb = doc.is(after, ',') && verb(after + 1);
        verb(after) || comma_verb || (first > 0 && verb(first - 1))
    }

    /// The latest PERSON (or ORG) before token `open`, outside quotations,
    /// not of the other gender than a pronoun of gender `said`.
    fn latest(&self, open: usize, person: bool, said: Gender) -> Option<usize> {
        let b = self.doc.toks[open].start();
        let upto = self.ents.partition_point(|s| s.start < b);
        let agrees = |e: usize| {
            said == Gender::Unknown || {
                let g = self
                    .gender
                    .get_or_init(|| genders(self.doc, self.ents, &self.ent_toks, &self.full))[e];
                g == Gender::Unknown || g == said
            }
        };
        (0..upto).rev().take(LOOKBACK).find(|&e| {
            let s = &self.ents[e];
            let named = s.label == labels::PERSON || s.label == labels::ORG;
            let (first, after) = self.ent_toks[e];
            let label =
                (first == 0 || self.doc.toks[first].gap >= Gap::Line) && self.doc.is(after, ':');
            named
                && self.is_kind(e, person)
                && agrees(e)
                && !label
                && !self.inside_quote_byte(s.start)
                && !self.in_term[self.ent_toks[e].0]
        })
    }

    /// Whether span `e` (a PERSON or an ORG) is a person (`person`) or an
    /// organisation as a pronoun sees it: a PERSON the text calls `it` is
    /// an organisation (see [`org_like`]).
    fn is_kind(&self, e: usize, person: bool) -> bool {
        let org_like = self.org_like.get_or_init(|| {
            org_like(self.doc, self.ents, &self.ent_of, &self.ent_toks, &self.full)
        })[e];
        (self.is_person(e) && !org_like) == person
    }

    /// The speaker of a quotation with no cue at all (see the module doc).
    fn bare_speaker(&self, open: usize, close: usize) -> Option<usize> {
        let doc = self.doc;
        let para = doc.toks[open].para;
        let (last_close, last_para, last_speaker) = match self.last {
            Some((c, p, sp)) if p == para || p + 1 == para => (Some(c), p, sp),
            _ => (None, 0, None),
        };
        // Sentence ends (outside quotations) between the last quotation and
        // this one.
        let ends_between = last_close.map(|c| {
            (c + 1..open).filter(|&k| doc.toks[k].term && self.quote_of[k] == NONE).count()
        });
        // "Heald noted the findings show …. “…”": a name next to a verb of
        // saying in the sentence before, unless that sentence holds the
        // previous quotation's own cue (`“…,” Rutte said. “…”`).
        let prev_end = self.sentence_start(open);
        let named_before = || {
            if prev_end == 0 {
                return None;
            }
            let prev_start = self.sentence_start(prev_end - 1);
            let after_last = last_close.map_or(prev_start, |c| (c + 1).max(prev_start));
            for c in after_last..prev_end {
                if self.quote_of[c] != NONE {
                    continue;
                }
                if let Some((_, f)) = self.cue_at(c) {
                    // (Or a statement read or issued: `Dolores Fairweather,
                    // 71, …, read from a prepared statement.` ¶ `“…”`.)
                    let issued = f & cue::NOUN != 0
                        && (c.saturating_sub(4)..c).any(|k| {
                            doc.is_word(k)
                                && matches!(
                                    doc.low(k),
                                    "read" | "issued" | "released" | "delivered"
                                )
                        });
                    if issued {
                        // (Its reader opens the sentence, the only person
                        // it names.)
                        let first = self.ent(prev_start).filter(|&e| self.is_person(e));
                        if let Some(e) = first.filter(|&e| {
                            (prev_start..prev_end)
                                .filter_map(|k| self.ent(k))
                                .all(|x| x == e || !self.is_person(x))
                        }) {
                            return Some(e);
                        }
                    }
                    if (f & (cue::VERB | cue::PARTICIPLE) != 0 || issued) && f & cue::PRON == 0 {
                        // "Wikinews asked Demirel about the case. “We
                        // settled.”": the answer is the person asked.
                        if let Some(e) = self.asked_person(c) {
                            return Some(e);
                        }
                        if let Some(Some(e)) = self.subject_before(c, prev_start, open) {
                            return Some(e);
                        }
                    }
                }
            }
            None
        };
        // "How did he start? “By accident. …”": in an interview with one
        // person, a bare quotation right after a question answers it.
        if doc.lang == super::tokens::Lang::En
            && open > 0
            && doc.is(open - 1, '?')
            && self.quote_of[open - 1] == NONE
        {
            if let Some(e) = *self.interviewee.get_or_init(|| self.interviewee()) {
                return Some(e);
            }
        }
        match ends_between {
            Some(0) if last_para == para => return last_speaker,
            // A sentence between the two quotations that names someone
            // saying something hands the floor to them.
            Some(1) if last_para == para => return named_before().or(last_speaker),
            _ => {}
        }
        if let Some(e) = named_before() {
            return Some(e);
        }
        // "Asked what he would read, he laughed. “The funny parts.”": a
        // sentence before that names nobody but has a pronoun subject
        // hands the floor to whom the pronoun means.
        if prev_end > 0 && last_close.is_none_or(|c| c < prev_end) {
            let prev_start = self.sentence_start(prev_end - 1);
            let named = (prev_start..prev_end).any(|k| self.ent(k).is_some());
            let subject = (prev_start..prev_end).find(|&k| {
                doc.is_word(k)
                    && self.cue_flags[k] & cue::PERSON_PRONOUN != 0
                    && self.quote_of[k] == NONE
                    && (k == prev_start || doc.is(k - 1, ','))
            });
            if let Some(p) = subject.filter(|_| !named && doc.lang == super::tokens::Lang::En) {
                return self.pronoun_antecedent(p, open, true);
            }
            // "The critic Herbert Read disagreed. “He is a craftsman, not
            // an artist, and I have said so.”": words in the first person
            // right after a short sentence whose subject is the only
            // person it names are that person's.
            // (Also a subject with its role before it or set off by
            // commas: `Los Angeles Mayor Karen Bass was blunt.`, `The
            // mayor, Karen Bass, was blunt.`, `Bass, a former
            // congresswoman, struck a defiant tone.`)
            // (In Indonesian too: `Menteri Keuangan Sri Mulyani tampak
            // tenang. “Kami siap …”`, `Gubernur Jawa Barat, Dedi Mulyadi,
            // angkat bicara. “Kami …”`.)
            let first_person = |w: &str| match doc.lang {
                super::tokens::Lang::En => matches!(w, "i" | "my" | "me" | "we" | "our" | "us"),
                _ => matches!(w, "saya" | "aku" | "kami" | "kita"),
            };
            if prev_end - prev_start <= 20
                && (open + 1..close).any(|k| doc.is_word(k) && first_person(doc.low(k)))
            {
                if let Some(e) = self.short_subject(prev_start, prev_end) {
                    return Some(e);
                }
            }
        }
        if last_para == para && last_close.is_some() {
            return last_speaker;
        }
        self.paragraph_before_speaker(open)
    }

    /// The person a short sentence `start`..`end` is about: the only
    /// person it names, as its subject — opening it after at most three
    /// words (`The critic Herbert Read disagreed.`, `Los Angeles Mayor
    /// Karen Bass was blunt.`), or set off by commas after a role of at
    /// most eight words that opens with a determiner or a title (`The
    /// mayor, Karen Bass, was blunt.`, `The company's chief executive, Tim
    /// Cook, was upbeat.`, `Gubernur Jawa Barat, Dedi Mulyadi, angkat
    /// bicara.`) — followed by a lower-case word, the verb, or by an
    /// apposition set off by commas and then the verb (`Bass, a former
    /// congresswoman, struck a defiant tone.`).
    fn short_subject(&self, start: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        let first = (start..end).find(|&k| self.ent(k).is_some_and(|e| self.is_person(e)))?;
        let e = self.ent(first)?;
        let (s, after) = self.ent_toks[e];
        if s != first || after >= end {
            return None;
        }
        let people = (first..end).filter_map(|k| self.ent(k)).all(|x| x == e || !self.is_person(x));
        if !people || (start..end).any(|k| self.quote_of[k] != NONE) {
            return None;
        }
        let lower_word = |k: usize| k < end && doc.is_word(k) && !doc.toks[k].upper;
        let apostrophe = |k: usize| {
            doc.toks[k].kind == Kind::Punct && matches!(doc.toks[k].ch, '\'' | '\u{2019}')
        };
        // What comes before the name: a few words, or a role and a comma.
        let set_off = s > start && doc.is(s - 1, ',');
        let before_ok = if set_off {
            s - 1 - start <= 8
                && doc.is_word(start)
                && (matches!(doc.low(start), "the" | "its" | "his" | "her" | "their")
                    || doc.toks[start].flags & TITLE != 0)
                && (start..s - 1).all(|k| {
                    (doc.is_word(k) || apostrophe(k))
                        && self.cue_flags[k] & (cue::VERB | cue::PARTICIPLE) == 0
                })
        } else {
            s - start <= 3 && (start..s).all(|k| doc.is_word(k))
        };
        if !before_ok {
            return None;
        }
        // What comes after it: the verb, or a comma, an apposition (when
        // none came before) and a comma before the verb.
        if !set_off && lower_word(after) {
            return Some(e);
        }
        if !doc.is(after, ',') {
            return None;
        }
        if set_off {
            return lower_word(after + 1).then_some(e);
        }
        let close = (after + 1..end.min(after + 10)).find(|&k| doc.is(k, ','))?;
        let apposition = lower_word(after + 1)
            && (after + 1..close)
                .all(|k| doc.is_word(k) && self.cue_flags[k] & (cue::VERB | cue::PARTICIPLE) == 0);
        (apposition && lower_word(close + 1)).then_some(e)
    }

    /// The person asked, when the verb of saying at `c` is `asked`/`asks`
    /// and a PERSON follows it (`Wikinews asked Demirel about the case.`):
    /// who answers in a bare quotation after the sentence.
    fn asked_person(&self, c: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En
            || !doc.is_word(c)
            || !matches!(doc.low(c), "asked" | "asks")
        {
            return None;
        }
        self.ent(c + 1).filter(|&e| self.is_person(e) && self.ent_toks[e].0 > c)
    }

    /// The speaker of a bare quotation opening a paragraph at token `open`
    /// (English only): in the last three sentences of the paragraph before,
    /// from the latest, the speaker of a quotation, else the named subject
    /// of a verb of saying (`Marc Thill chairs the cooperative. He said
    /// most members had lost a fifth. The cooperative will meet on
    /// Friday.` then `“We were lucky with the wind.”`).
    fn paragraph_before_speaker(&self, open: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != super::tokens::Lang::En
            || open == 0
            || doc.toks[open].gap != Gap::Para
            || self.turn_label(open - 1).is_some()
        {
            return None;
        }
        let mut end = open;
        for _ in 0..3 {
            if end == 0 || doc.toks[end].gap >= Gap::Para && end != open {
                break;
            }
            let start = self.sentence_start(end - 1);
            let quoted = (start..end).rev().find_map(|k| {
                let q = self.quote_of[k];
                (q != NONE).then(|| self.quotes[q as usize].speaker).flatten()
            });
            if quoted.is_some() {
                return quoted;
            }
            for c in start..end {
                if self.quote_of[c] != NONE {
                    continue;
                }
                let Some((_, f)) = self.cue_at(c) else { continue };
                if f & (cue::VERB | cue::PARTICIPLE) != 0 && f & cue::PRON == 0 {
                    if let Some(Some(e)) = self.subject_before(c, start, open) {
                        return Some(e);
                    }
                }
            }
            end = start;
        }
        None
    }

    /// Whether byte `b` lies inside an accepted quotation.
    fn inside_quote_byte(&self, b: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.start <= b);
        i > 0 && b < self.quotes[i - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::recognize::tokens::Lang;

    fn quotes(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, Lang::Id);
        find(&doc, &[]).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn pairs_within_a_paragraph_only() {
        assert_eq!(quotes("“Kami siap bekerja keras,” ujarnya."), ["“Kami siap bekerja keras,”"]);
        assert_eq!(quotes("“Tanpa penutup di sini\n\nlalu “baru” saja"), Vec::<&str>::new());
        assert_eq!(quotes("\"A b c d.\" and \"e"), ["\"A b c d.\""]);
    }

    #[test]
    fn long_quotations_continue_over_paragraphs() {
        let text = "“Satu dua tiga.\n\n“Empat lima enam.\n\n“Tujuh,” katanya.";
        assert_eq!(quotes(text), [&text[..text.len() - " katanya.".len()]]);
        // No re-opening mark: the chain breaks and nothing is swallowed.
        assert_eq!(quotes("“Satu dua.\n\nTiga empat.\n\n“Lima enam,” katanya."), ["“Lima enam,”"]);
    }

    #[test]
    fn single_marks_and_apostrophes() {
        assert_eq!(quotes("'Kami siap bekerja,' katanya."), ["'Kami siap bekerja,'"]);
        assert_eq!(
            quotes("Rutte’s aide, the 90's, don't: ‘Kami siap,’ katanya."),
            ["‘Kami siap,’"]
        );
    }
}
