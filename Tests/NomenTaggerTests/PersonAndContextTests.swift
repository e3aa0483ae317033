import Testing
import NomenTagger
import NomenTestSupport

/// Honorifics before persons' names, partial names after a full mention, and
/// ambiguous names resolved from the document.
@Suite struct PersonAndContextTests {
    /// The span includes the honorific and the mention names it.
    static let honorifics: [TagCase] = [
        TagCase("The ambassador Mawlawi Gul Hasan arrived.", [Mentioned("Mawlawi Gul Hasan", "gul-hasan", honorific: "mawlawi")],
                note: "as the lexicon writes it"),
        TagCase("Talks with Mullah Baradar began.", [Mentioned("Mullah Baradar", "abdul-ghani-baradar", honorific: "mullah")]),
        TagCase("Переговоры вел мулла Барадар.", [Mentioned("мулла Барадар", "abdul-ghani-baradar", honorific: "mullah")]),
        TagCase("ملا برادر گفت.", [Mentioned("ملا برادر", "abdul-ghani-baradar", honorific: "mullah")]),
        TagCase("Maulvi Amir Khan Muttaqi said.", [Mentioned("Maulvi Amir Khan Muttaqi", "amir-khan-muttaqi", honorific: "mawlawi")],
                note: "a spelling of the honorific the lexicon name does not carry"),
        TagCase("مولوی ذبیح‌الله مجاهد گفت.", [Mentioned("مولوی ذبیح‌الله مجاهد", "zabihullah-mujahid", honorific: "mawlawi")],
                note: "honorific from the list, before a full name"),
        TagCase("Мавлави Гулю Хасану вручили грамоты.", [Mentioned("Мавлави Гулю Хасану", "gul-hasan", .inflected, honorific: "mawlawi")],
                note: "inflected name after the honorific"),
        TagCase("حاجي ذبیح‌الله مجاهد وویل.", [Mentioned("حاجي ذبیح‌الله مجاهد", "zabihullah-mujahid", honorific: "haji")], note: "Pashto"),
        TagCase("میاں شہباز شریف نے کہا", [Mentioned("میاں شہباز شریف", "shehbaz-sharif", honorific: "mian")], note: "Urdu Mian"),
        TagCase("Haji Zabihullah Mujahid said.", [Mentioned("Haji Zabihullah Mujahid", "zabihullah-mujahid", honorific: "haji")]),
        TagCase("Хаджи Забихулла Муджахид заявил.", [Mentioned("Хаджи Забихулла Муджахид", "zabihullah-mujahid", honorific: "haji")],
                note: "Cyrillic, capitalised at the start of a sentence"),
        // Courtesy titles (Mr., آقای, ښاغلی) are left out of spans (HonorificList.courtesy).
        TagCase("ښاغلي ضمیر کابلوف وویل.", [Mentioned("ضمیر کابلوف", "zamir-kabulov")], note: "Pashto courtesy title"),
        TagCase("Mr. Zamir Kabulov said.", [Mentioned("Zamir Kabulov", "zamir-kabulov")], note: "English courtesy title"),
        TagCase("Zamir Kabulov met Gul Hasan.", [Mentioned("Zamir Kabulov", "zamir-kabulov"), Mentioned("Gul Hasan", "gul-hasan")],
                note: "no honorific, none reported"),
    ]

    static let partialNames: [TagCase] = [
        TagCase("पाकिस्तान के पूर्व प्रधानमंत्री इमरान खान जेल में हैं। इमरान ने कहा कि खान परिवार लड़ेगा।",
                [Mentioned("पाकिस्तान", "pakistan"), Mentioned("इमरान खान", "imran-khan"), Mentioned("इमरान", "imran-khan", .partial)],
                note: "a Devanagari name marked ambiguous (so that खान alone names no one) still lends its given name after the full name"),
        TagCase("चीन के विदेश मंत्री किन गैंग ने कहा। किन बातों पर चर्चा हुई?",
                [Mentioned("चीन", "china"), Mentioned("किन गैंग", "qin-gang")],
                note: "but not a given name of three code points (किन, 'which')"),
        TagCase("Zamir Kabulov met envoys. Kabulov said talks went well.",
                [Mentioned("Zamir Kabulov", "zamir-kabulov", .exact), Mentioned("Kabulov", "zamir-kabulov", .partial)]),
        TagCase("Zamir Kabulov met envoys, and Kabulov said talks went well.",
                [Mentioned("Zamir Kabulov", "zamir-kabulov", .exact), Mentioned("Kabulov", "zamir-kabulov", .partial)]),
        TagCase("Zamir Kabulov met envoys. Later Kabulov said talks went well.",
                [Mentioned("Zamir Kabulov", "zamir-kabulov", .exact), Mentioned("Kabulov", "zamir-kabulov", .partial)],
                note: "a capitalised sentence-initial adverb is not a given name"),
        TagCase("Замир Кабулов прибыл. Позже Кабулову вручили грамоты.",
                [Mentioned("Замир Кабулов", "zamir-kabulov", .exact), Mentioned("Кабулову", "zamir-kabulov", .partial)],
                note: "inflected partial after a sentence-initial adverb"),
        TagCase("Sirajuddin Haqqani arrived. Haqqani said.",
                [Mentioned("Sirajuddin Haqqani", "sirajuddin-haqqani"), Mentioned("Haqqani", "sirajuddin-haqqani", .partial)],
                note: "a shared surname after a full mention"),
        TagCase("Talks with Mullah Baradar began. Baradar said they went well.",
                [Mentioned("Mullah Baradar", "abdul-ghani-baradar", honorific: "mullah"), Mentioned("Baradar", "abdul-ghani-baradar", .partial)]),
        TagCase("Karim Haqqani said the talks went well.", note: "a person the lexicon does not know"),
        TagCase("Sirajuddin Haqqani arrived. Karim Haqqani said so.", [Mentioned("Sirajuddin Haqqani", "sirajuddin-haqqani")],
                note: "another Haqqani, not the antecedent"),
        TagCase("Sergey Lavrov spoke about a lavrov.", [Mentioned("Sergey Lavrov", "sergey-lavrov")], note: "a lowercase word equal to a surname"),
        TagCase("Zabihullah Mujahid spoke to a mujahid.", [Mentioned("Zabihullah Mujahid", "zabihullah-mujahid")],
                note: "a lowercase ordinary word equal to a surname"),
        TagCase("Sergueï Lavrov est arrivé. Le président a reçu Mme Zakharova puis M. Lavrov.",
                [Mentioned("Sergueï Lavrov", "sergey-lavrov"), Mentioned("Zakharova", "maria-zakharova", .partial),
                 Mentioned("M. Lavrov", "sergey-lavrov", .partial)],
                note: "a courtesy title before a surname is no other person's given name (M. reads as an initial)"),
        TagCase("Russian Foreign Minister Lavrov said on Monday.", [Mentioned("Lavrov", "sergey-lavrov", .partial)],
                note: "a title before a surname is no other person's given name"),
        TagCase("Sergey Lavrov arrived. Later Deputy Foreign Minister Rudenko and Foreign Minister Lavrov spoke.",
                [Mentioned("Sergey Lavrov", "sergey-lavrov"), Mentioned("Rudenko", "andrey-rudenko", .partial),
                 Mentioned("Lavrov", "sergey-lavrov", .partial)]),
        TagCase("Der russische Außenminister Lawrow sagte, Kremlchef Putin habe gratuliert.",
                [Mentioned("Lawrow", "sergey-lavrov", .partial), Mentioned("Putin", "vladimir-putin", .partial)],
                note: "German titles are compounds: any word ending in -minister or -chef"),
        TagCase("Dışişleri Bakanı Lavrov açıkladı.", [Mentioned("Lavrov", "sergey-lavrov", .partial)], note: "Turkish title"),
        TagCase("President Vladimir V. Putin received Sergey V. Lavrov.",
                [Mentioned("Vladimir V. Putin", "vladimir-putin", .normalized), Mentioned("Sergey V. Lavrov", "sergey-lavrov", .normalized)],
                note: "a middle initial between a person's given name and surname is left out"),
        TagCase("Сергей В. Лавров заявил.", [Mentioned("Сергей В. Лавров", "sergey-lavrov", .normalized)], note: "Cyrillic initial"),
        TagCase("The envoy Feridun H. Sinirlioglu arrived. Later came the envoy Feridun H. Sinirlioglu.",
                [Mentioned("Feridun H. Sinirlioglu", "feridun-sinirlioglu", .normalized), Mentioned("Feridun H. Sinirlioglu", "feridun-sinirlioglu", .normalized)],
                note: "the whole name across an initial replaces its given name taken alone: mentions never overlap"),
        TagCase("Спецпредставитель Замир Набиевич Кабулов встретился с Шавкатом Миромоновичем Мирзиёевым. President Shavkat Miromonovich Mirziyoyev spoke.",
                [Mentioned("Замир Набиевич Кабулов", "zamir-kabulov", .normalized),
                 Mentioned("Шавкатом Миромоновичем Мирзиёевым", "shavkat-mirziyoyev", .inflected),
                 Mentioned("Shavkat Miromonovich Mirziyoyev", "shavkat-mirziyoyev", .normalized)],
                note: "a patronymic between a person's given name and surname is left out, in any case"),
        TagCase("Mohammad M. Haqqani said.", note: "a given name and surname no one person of the lexicon has together"),
        TagCase("Об этом заявил президент России Путин, а в Москве Лавров добавил.",
                [Mentioned("России", "russia", .inflected), Mentioned("Путин", "vladimir-putin", .partial),
                 Mentioned("Москве", "moscow", .inflected), Mentioned("Лавров", "sergey-lavrov", .partial)],
                note: "a place in an oblique case before a surname: neither is part of an unknown name"),
        TagCase("Затем С. Лавров встретился с В. Путиным, и Лавров уехал.",
                [Mentioned("С. Лавров", "sergey-lavrov", .partial), Mentioned("В. Путиным", "vladimir-putin", .partial),
                 Mentioned("Лавров", "sergey-lavrov", .partial)],
                note: "an initial that a given name of the person starts with"),
        TagCase("Зато Ю. Лавров пришёл, и Лавров ушёл.", note: "another initial: another Lavrov, and the later surname is his"),
        TagCase("Haqqani warns Pakistan. Interior Minister Sirajuddin Haqqani said that talks would go on.",
                [Mentioned("Haqqani", "sirajuddin-haqqani", .partial), Mentioned("Pakistan", "pakistan"),
                 Mentioned("Sirajuddin Haqqani", "sirajuddin-haqqani")],
                note: "a surname before the full mention that names it (a shared surname: Anas Haqqani too)"),
        TagCase("John Kirby said. Later John Smith spoke.", [Mentioned("John Kirby", "john-kirby")],
                note: "the given name before another surname is another person"),
        TagCase("Donald Trump sprach. Als Trump am Samstag kam, sagte Trump nichts.",
                [Mentioned("Donald Trump", "donald-trump"), Mentioned("Trump", "donald-trump", .partial), Mentioned("Trump", "donald-trump", .partial)],
                note: "a sentence-initial function word before a surname (Als, If, Quand) is no given name"),
        TagCase("امیر خان متقی نے کہا۔ قطر کے امیر نے ملاقات کی۔", [Mentioned("امیر خان متقی", "amir-khan-muttaqi"), Mentioned("قطر", "qatar")],
                note: "امیر is a title (emir) as well as Muttaqi's given name: alone it names no one"),
        TagCase("د روسیې سفیر ژیرنوف وویل. بیا دمیتري ژیرنوف وویل.",
                [Mentioned("روسیې", "russia", .inflected), Mentioned("ژیرنوف", "dmitry-zhirnov"), Mentioned("دمیتري ژیرنوف", "dmitry-zhirnov", .partial)],
                note: "a spelling no name lists: the person's given name and surname side by side are one mention"),
        TagCase("Hibatullah Akhundzada issued a decree. Hibatullah also met elders.",
                [Mentioned("Hibatullah Akhundzada", "hibatullah-akhundzada"), Mentioned("Hibatullah", "hibatullah-akhundzada", .partial)],
                note: "a given name that one person of the lexicon carries"),
        TagCase("Mohammad Hassan Akhund spoke in Kabul. Later, Mohammad added that talks would go on.",
                [Mentioned("Mohammad Hassan Akhund", "mohammad-hassan-akhund"), Mentioned("Kabul", "kabul")],
                note: "a given name that several persons of the lexicon carry names no one alone"),
        TagCase("King Abdullah met the envoy.", [],
                note: "a person's surname that is his given name too (Abdullah Abdullah) is a given name of many: alone, it names no one"),
        TagCase("Abdullah Abdullah spoke. Abdullah said more.",
                [Mentioned("Abdullah Abdullah", "abdullah-abdullah"), Mentioned("Abdullah", "abdullah-abdullah", .partial)],
                note: "after his full name it is his"),
        TagCase("محمد اشرف غنی گفت. غنی افزود که برنامه غنی سازی ادامه دارد.",
                [Mentioned("محمد اشرف غنی", "ashraf-ghani"), Mentioned("غنی", "ashraf-ghani", .partial)],
                note: "a word of a person's name in a common phrase (غنی سازی, enrichment) is the ordinary word"),
    ]

    static let disambiguation: [TagCase] = [
        TagCase("लाहौर में इमरान खान ने रैली की।", [Mentioned("लाहौर", "lahore"), Mentioned("इमरान खान", "imran-khan")],
                note: "an ambiguous name after a place of its own country: that place owns nothing else"),
        TagCase("تحریک طالبان پاکستان کے سربراہ نور ولی محسود کابل میں ہیں۔",
                [Mentioned("تحریک طالبان پاکستان", "tehrik-i-taliban-pakistan"), Mentioned("نور ولی محسود", "noor-wali-mehsud"), Mentioned("کابل", "kabul")],
                note: "a place of another country beside a person marked ambiguous owns no person: the document's context says who he is"),
        TagCase("بنوں میں دھماکہ ہوا۔ ضلع بنوں کے علاقے میں کرفیو ہے۔",
                [Mentioned("بنوں", "bannu"), Mentioned("بنوں", "bannu")],
                note: "one sense per document: the word that introduces the district (ضلع) makes بنوں (also a verb form) the place, there and elsewhere"),
        TagCase("Pakistan's Supreme Court ruled.", [Mentioned("Pakistan", "pakistan"), Mentioned("Supreme Court", "supreme-court-of-pakistan")],
                note: "each country's court: the owner says which"),
        TagCase("The Supreme Court of Iran ruled.", [Mentioned("Iran", "iran")], note: "another country's court, which the lexicon lacks"),
        TagCase("Амир Хан Муттаки прибыл в Кабул. Официальный представитель МИД Мария Захарова заявила об этом.",
                [Mentioned("Амир Хан Муттаки", "amir-khan-muttaqi"), Mentioned("Кабул", "kabul", .exact),
                 Mentioned("МИД", "russian-foreign-ministry"), Mentioned("Мария Захарова", "maria-zakharova")],
                note: "a spokesperson named right next to a ministry says whose it is, whatever else the document names"),
        TagCase("سفیر مصر در کابل گفت.", [Mentioned("مصر", "egypt"), Mentioned("کابل", "kabul")],
                note: "a word that introduces a place (سفیر, ambassador) makes an ambiguous place's name the place, beside another place too"),
        TagCase("ایران بر موضع خود مصر است.", [Mentioned("ایران", "iran")], note: "مصر, 'insistent', where nothing says it is Egypt"),
        TagCase("Russia's Supreme Court ruled.", [Mentioned("Russia", "russia"), Mentioned("Supreme Court", "supreme-court-of-russia")]),
        TagCase("In Moscow, the Supreme Court ruled.", [Mentioned("Moscow", "moscow"), Mentioned("Supreme Court", "supreme-court-of-russia")]),
        TagCase("Верховный суд Ирана постановил.", [Mentioned("Ирана", "iran", .inflected)], note: "another country's court, Russian"),
        TagCase("В Москве Верховный суд постановил.", [Mentioned("Москве", "moscow"), Mentioned("Верховный суд", "supreme-court-of-russia")]),
        TagCase("The Russian Foreign Ministry said. The Foreign Ministry added.",
                [Mentioned("Russian Foreign Ministry", "russian-foreign-ministry", .exact), Mentioned("Foreign Ministry", "russian-foreign-ministry")]),
        TagCase("In Kabul, the Foreign Ministry said.", [Mentioned("Kabul", "kabul"), Mentioned("Foreign Ministry", "afghan-foreign-ministry")]),
        TagCase("Afghanistan's Foreign Ministry said.",
                [Mentioned("Afghanistan", "afghanistan"), Mentioned("Foreign Ministry", "afghan-foreign-ministry")]),
        TagCase("China's Foreign Ministry said.", [Mentioned("China", "china"), Mentioned("Foreign Ministry", "chinese-foreign-ministry")]),
        TagCase("Iran's Foreign Ministry said.", [Mentioned("Iran", "iran")], note: "a ministry the lexicon does not have"),
        TagCase("В Кабуле МИД заявил.", [Mentioned("Кабуле", "kabul"), Mentioned("МИД", "afghan-foreign-ministry")]),
        TagCase("МЗС талібів заявило. Згодом МЗС Китаю відповіло.",
                [Mentioned("МЗС", "afghan-foreign-ministry"), Mentioned("талібів", "taliban", .inflected),
                 Mentioned("МЗС Китаю", "chinese-foreign-ministry")],
                note: "a body right after a generic ministry owns it, whatever the rest of the document names"),
        TagCase("Главы МИД Содружества независимых государств встретились в Москве.",
                [Mentioned("Содружества независимых государств", "commonwealth-of-independent-states", .inflected), Mentioned("Москве", "moscow", .inflected)],
                note: "the ministers of another body's members: no Russian ministry"),
    ]

    /// New romanisations and typos of multi-word names link through the matcher; common
    /// names of people the lexicon does not know do not.
    static let fuzzy: [TagCase] = [
        TagCase("Zamir Kabuloff said.", [Mentioned("Zamir Kabuloff", "zamir-kabulov", .fuzzy)], note: "DESIGN's example"),
        TagCase("Zabiullah Mujaheed said.", [Mentioned("Zabiullah Mujaheed", "zabihullah-mujahid", .fuzzy)]),
        TagCase("The envoy said that Sirajuddin Haqani arrived.", [Mentioned("Sirajuddin Haqani", "sirajuddin-haqqani", .fuzzy)]),
        TagCase("Foreign Minister Amir Khan Mutaqi spoke.", [Mentioned("Amir Khan Mutaqi", "amir-khan-muttaqi", .fuzzy)]),
        TagCase("Представитель губернатора Абдул Вахед Хамас заявил.", [Mentioned("Абдул Вахед Хамас", "abdul-wahid-hamas", .fuzzy)],
                note: "a person's surname that is a body's one-word name (Hamas), in a spelling the lexicon lacks: the whole name wins"),
        TagCase("Hamas and Israel. Abdullah Hamas said.", [Mentioned("Hamas", "hamas"), Mentioned("Israel", "israel"), Mentioned("Hamas", "hamas")],
                note: "a given name before a body's name that makes no curated person's whole name leaves the body"),
        TagCase("রুশ পররাষ্ট্রমন্ত্রী সের্গেই লাভরোভ বলেন।", [Mentioned("সের্গেই লাভরোভ", "sergey-lavrov", .fuzzy)],
                note: "Bengali, without capitals: a known part of a person's name and one unknown word are looked up"),
        TagCase("तालिबान नेता अनास हक्कानी ने कहा।", [Mentioned("तालिबान", "taliban"), Mentioned("अनास हक्कानी", "anas-haqqani", .fuzzy)],
                note: "Hindi, in a spelling the lexicon does not list"),
        TagCase("Floods hit Sarepul and Balkh in northern Afghanistan. Floods hit Sarepul Tomalo too.",
                [Mentioned("Sarepul", "sar-e-pol", .fuzzy), Mentioned("Balkh", "balkh"), Mentioned("Afghanistan", "afghanistan")],
                note: "Latin: a capitalised word that reads letter for letter as a curated place's name is that place where its country is named; not beside another unknown capitalised word"),
        TagCase("সেনা জওয়ান নিহত হয়েছেন।", note: "a key is no spelling: জওয়ান ('soldier') reads as Jowzjan's জাওযান, in a document that names nothing of Afghanistan"),
        TagCase("अफगानिस्तान के निमरोज़ प्रांत के जारंज शहर में सरकार ने बाजार खोला।",
                [Mentioned("अफगानिस्तान", "afghanistan"), Mentioned("निमरोज़", "nimruz", .normalized), Mentioned("जारंज", "zaranj", .fuzzy)],
                note: "Devanagari: a word that reads letter for letter in Latin as a curated place's whole name is that place (जारंज, Zaranj), in a document that names its country; ordinary words near a name's key are not (सरकार, Charikar; बाजार, Bajaur)"),
        TagCase("खान ने कहा कि बातचीत होगी।", note: "a name part among ordinary words makes no name"),
        TagCase("وصل وفد بقيادة وزير الدفاع محمد يعقوب إلى إسلام آباد.",
                [Mentioned("محمد يعقوب", "mohammad-yaqoob", .fuzzy), Mentioned("إسلام آباد", "islamabad")],
                note: "Arabic: a short form no name lists, of a known given name and surname"),
        TagCase("رسانه پاکستانی گزارش داده که محمد احسانی از کابل رفت.", [Mentioned("کابل", "kabul")],
                note: "Persian: a word of two letters (که, 'that') is not looked up with the name after it, nor is an unknown person"),
        TagCase("John Smith said.", note: "a person the lexicon does not know"),
        TagCase("Abdul Karim said.", note: "a common name near many lexicon names"),
        TagCase("Der Innenminister Siradschuddin Hakkani sprach.", [Mentioned("Siradschuddin Hakkani", "sirajuddin-haqqani", .fuzzy)],
                note: "a given name and a surname the lexicon knows, in a combination it does not list"),
        TagCase("Der Präsident Emomali Rachmon sagte.", [Mentioned("Emomali Rachmon", "emomali-rahmon", .fuzzy)],
                note: "a courtesy title is no part of the new spelling"),
    ]

    @Test(arguments: fuzzy) func fuzzy(_ c: TagCase) { expectTagging(c) }

    @Test(arguments: honorifics) func honorifics(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: partialNames) func partialNames(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: disambiguation) func disambiguation(_ c: TagCase) { expectTagging(c) }

    /// A partial name takes the entity of its nearest full antecedent, not the first one
    /// the lexicon lists: two Haqqanis, each followed by "Haqqani".
    @Test func partialNameFollowsItsNearestAntecedent() {
        expectTagging(TagCase("Anas Haqqani arrived. Haqqani spoke. Then Sirajuddin Haqqani arrived, and Haqqani spoke again.",
                      [Mentioned("Anas Haqqani", "anas-haqqani"), Mentioned("Haqqani", "anas-haqqani", .partial),
                       Mentioned("Sirajuddin Haqqani", "sirajuddin-haqqani"), Mentioned("Haqqani", "sirajuddin-haqqani", .partial)]))
    }

    /// Turning partial names off leaves the full mention alone.
    @Test func partialNamesCanBeTurnedOff() {
        var options = TaggerOptions()
        options.partialNames = false
        let tagger = Tagger(lexicon: SharedIndex.index.tagger, options: options)
        let mentions = tagger.tag("Zamir Kabulov met envoys. Kabulov said talks went well.")
        #expect(mentions.map(\.text) == ["Zamir Kabulov"])
    }
}
