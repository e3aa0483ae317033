import Testing
import NomenTagger
import NomenTestSupport

/// Clitics, suffixes, elision and compounds around a name. The span is the name itself:
/// a proclitic, an apostrophe suffix, an elided article, a suffix after a zero-width
/// non-joiner and the rest of a hyphenated compound stay outside; a fused ending
/// (German genitive -s, Pashto oblique -و) is inside.
@Suite struct CliticTests {
    static let arabic: [TagCase] = [
        TagCase("اعتمدت طالبان على الدعم المالي للمزارعين، وقال الرئيس المالي إن الوضع صعب.", [Mentioned("طالبان", "taliban")],
                note: "a place's name in ي with the article is its adjective (نسبة): المالي, financial or Malian, is not Mali"),
        TagCase("انقطع الكابل البحري قرب كابل.", [Mentioned("كابل", "kabul")],
                note: "a place the lexicon writes without the article takes none: الكابل is 'the cable', not Kabul"),
        TagCase("وقع زلزال في إقليم هيرات غرب أفغانستان.", [Mentioned("إقليم هيرات", "herat-province", .normalized), Mentioned("أفغانستان", "afghanistan")],
                note: "a province listed as ولاية هيرات is also written with إقليم (مقاطعة, محافظة): the province, not the city"),
        TagCase("كانت هرات عاصمة إقليم خراسان الكبرى. وأعلن تنظيم ولاية خراسان مسؤوليته.",
                [Mentioned("هرات", "herat"), Mentioned("ولاية خراسان", "islamic-state-khorasan")],
                note: "only a place's name takes the other province words: ISKP's ولاية خراسان is no إقليم خراسان"),
        TagCase("وقال وزير الإعلام عطاء الله ترار إن", [Mentioned("عطاء الله ترار", "attaullah-tarar", .normalized)],
                note: "Arabic's hamza after a final alef, which Persian and Urdu leave out (عطا الله ترار)"),
        TagCase("وقال عطا الله ترار وعطاء الله تارار", [Mentioned("عطا الله ترار", "attaullah-tarar", .normalized),
                Mentioned("عطاء الله تارار", "attaullah-tarar", .inflected)],
                note: "two mentions joined by و are two, not one piece after another"),
        TagCase("وروسيا تدعم الحوار.", [Mentioned("روسيا", "russia", .inflected)], note: "و"),
        TagCase("أرسلت الصين مساعدات لروسيا.", [Mentioned("الصين", "china"), Mentioned("روسيا", "russia", .inflected)], note: "ل"),
        TagCase("التقى الوفد بطالبان في الدوحة.", [Mentioned("طالبان", "taliban", .inflected), Mentioned("الدوحة", "doha")], note: "ب"),
        TagCase("روسيا والصين تتفقان.", [Mentioned("روسيا", "russia", .exact), Mentioned("الصين", "china", .inflected)], note: "و before the article"),
        TagCase("فالصين شريك مهم.", [Mentioned("الصين", "china", .inflected)], note: "ف"),
        TagCase("بروسيا وبالصين.", [Mentioned("روسيا", "russia", .inflected), Mentioned("الصين", "china", .inflected)], note: "ب and وب"),
        TagCase("قال د. أحمد إن العلاقات بين أوزبكستان وكازاخستان جيدة.",
                [Mentioned("أوزبكستان", "uzbekistan"), Mentioned("كازاخستان", "kazakhstan", .inflected)],
                note: "د (Dr.) is a Pashto word too, but Arabic proclitics leave only text with Pashto letters"),
        TagCase("د داعش ډلې د هدفي وژنو غړی ونیول شو.", [Mentioned("داعش", "islamic-state")],
                note: "Pashto starts words with و (وژنو, 'killings'): no ژنو, Geneva"),
        TagCase("اعترفت روسيا بالإمارة الإسلامية.",
                [Mentioned("روسيا", "russia", .exact), Mentioned("الإمارة الإسلامية", "islamic-emirate-of-afghanistan", .inflected)],
                note: "ب before the article keeps the article in the span"),
        TagCase("وجهت رسالة للإمارة الإسلامية.", [Mentioned("لإمارة الإسلامية", "islamic-emirate-of-afghanistan", .inflected)],
                note: "لل: the span starts at the second ل"),
        TagCase("والإمارة الإسلامية في أفغانستان.",
                [Mentioned("الإمارة الإسلامية في أفغانستان", "islamic-emirate-of-afghanistan", .inflected)], note: "و before a long name"),
        TagCase("اشتباكات مع الحوثيين قرب الحدود.", [Mentioned("الحوثيين", "houthis", .inflected)], note: "a nisba plural in the oblique (-يين for -يون)"),
        TagCase("وصل الوفد إلى كابول.", [Mentioned("كابول", "kabul", .exact)], note: "no clitic"),
        TagCase("قتل عشرة أشخاص في باراجنار وجاريكار. اكتشف العلماء جين جديد في الصين.",
                [Mentioned("باراجنار", "parachinar", .normalized), Mentioned("جاريكار", "charikar", .inflected), Mentioned("الصين", "china")],
                note: "Arabic writes a Persian or Urdu name's چ and پ as ج and ب (پاراچنار, چاریکار); not a word of three letters (چین: جين, 'gene')"),
        TagCase("منڈی بہائوالدین میں سیلاب آیا۔", [Mentioned("منڈی بہائوالدین", "mandi-bahauddin", .normalized)],
                note: "Urdu writes ؤ also as ئو (the lexicon has منڈی بہاؤالدین)"),
        TagCase("ليس كروسيا ولا كالصين.", [Mentioned("روسيا", "russia", .inflected), Mentioned("الصين", "china", .inflected)],
                note: "ك ('like'), alone and before the article"),
    ]

    static let persian: [TagCase] = [
        TagCase("ذبیح‌الله مجاهد گفت.", [Mentioned("ذبیح‌الله مجاهد", "zabihullah-mujahid", .exact)], note: "ZWNJ inside the name"),
        TagCase("طالبان در ولایتهای قندهار و هلمند جنگیدند.",
                [Mentioned("طالبان", "taliban"), Mentioned("ولایتهای قندهار", "kandahar-province"), Mentioned("هلمند", "helmand")],
                note: "the plural 'provinces' fused without its non-joiner opens a list of provinces: Kandahar's, not the city"),
        TagCase("سراج‌الدین حقانی گفت.", [Mentioned("سراج‌الدین حقانی", "sirajuddin-haqqani", .exact)], note: "ZWNJ inside the name"),
        TagCase("ذبیح الله مجاهد گفت.", [Mentioned("ذبیح الله مجاهد", "zabihullah-mujahid", .exact)], note: "spaced form"),
        TagCase("سراج‌الدين حقاني گفت.", [Mentioned("سراج‌الدين حقاني", "sirajuddin-haqqani", .normalized)], note: "Arabic yeh ي for Persian ی"),
        TagCase("هیئتی از پاكستان آمد.", [Mentioned("پاكستان", "pakistan", .normalized)], note: "Arabic kaf ك for Persian ک"),
        TagCase("روسيه و چین", [Mentioned("روسيه", "russia", .normalized), Mentioned("چین", "china", .exact)], note: "Arabic yeh"),
        TagCase("روسیه‌ی امروز قدرتمند است.", [Mentioned("روسیه", "russia", .inflected)], note: "ezafe after a ZWNJ outside the span"),
        TagCase("طالبان‌ها به کابل رسیدند.", [Mentioned("طالبان", "taliban"), Mentioned("کابل", "kabul", .exact)],
                note: "plural after a ZWNJ outside the span"),
        TagCase("حناربانی کھر نے کہا۔", [Mentioned("حناربانی کھر", "hina-rabbani-khar", .normalized)],
                note: "two words of a curated name fused, as text typed without the space writes them"),
        TagCase("خبرگزاری فرانس پرس گزارش داد.", [Mentioned("فرانس پرس", "afp")], note: "a name with a non-joiner (فرانس‌پرس) written spaced"),
        TagCase("وكندا وأستراليا", [Mentioned("كندا", "iso3166-ca", .inflected), Mentioned("أستراليا", "iso3166-au", .inflected)],
                note: "a generated country after the proclitic و"),
        TagCase("د افغانستان او دپاکستان ترمنځ", [Mentioned("افغانستان", "afghanistan"), Mentioned("پاکستان", "pakistan", .inflected)],
                note: "Pashto د fused to the name"),
        TagCase("طالبانها به کابل رسیدند.", [Mentioned("طالبانها", "taliban", .inflected), Mentioned("کابل", "kabul", .exact)],
                note: "the plural fused, in text that lost its ZWNJ"),
        TagCase("سخنگوی وزارت خارجهی روسیه گفت.", [Mentioned("وزارت خارجهی روسیه", "russian-foreign-ministry", .inflected)],
                note: "the ezafe after a silent h fused (خارجهی for خارجه‌ی)"),
        TagCase("به گزارش صدا و سیمای استان خوزستان، نیروهای ناتوی غربی",
                [Mentioned("صدا و سیمای", "irib", .inflected), Mentioned("استان خوزستان", "khuzestan-province"), Mentioned("ناتوی", "nato", .inflected)],
                note: "the ezafe after a long vowel is ی on the word itself (سیمای, ناتوی), with no non-joiner"),
        TagCase("به گزارش خبرگزاری صدا و سیمای استان خوزستان",
                [Mentioned("خبرگزاری صدا و سیمای", "irib-news-agency", .inflected), Mentioned("استان خوزستان", "khuzestan-province")],
                note: "the same ezafe on the last word of a longer name, IRIB's news agency"),
        TagCase("افغانستان‌ و ایران", [Mentioned("افغانستان", "afghanistan"), Mentioned("ایران", "iran", .exact)],
                note: "a stray ZWNJ before a space is not part of the span"),
        TagCase("سفیر در کابل گفت.", [Mentioned("کابل", "kabul", .exact)], note: "Persian keheh ک as the lexicon writes it"),
        TagCase("سفیر درافغانستان گفت که شهرهرات آرام است.", [Mentioned("افغانستان", "afghanistan", .inflected), Mentioned("هرات", "herat", .inflected)],
                note: "a short word typed fused to the name after a letter that does not join (در, شهر): the space is invisible; the word is left out"),
    ]

    static let pashto: [TagCase] = [
        TagCase("د افغانستان عامې روغتیا وزارت وویل.", [Mentioned("د افغانستان عامې روغتیا وزارت", "afghan-public-health-ministry", .normalized)],
                note: "the name's inner genitive د left out (د افغانستان د عامې روغتیا وزارت)"),
        TagCase("د افغانستان او ایران ترمنځ د کمال خان د بند په اړه.",
                [Mentioned("افغانستان", "afghanistan"), Mentioned("ایران", "iran"), Mentioned("د کمال خان د بند", "kamal-khan-dam", .normalized)],
                note: "a genitive د before the head of a name whose possessor has several words (د کمال خان بند)"),
        TagCase("د روغتیا د نړیوال سازمان راپور.", [Mentioned("د روغتیا د نړیوال سازمان", "world-health-organization", .normalized)],
                note: "and before an adjective and its noun (د روغتیا نړیوال سازمان)"),
        TagCase("په ننګرهارکې سیلاب راغلی. هغه پېښورته ولاړ.", [Mentioned("ننګرهار", "nangarhar", .inflected), Mentioned("پېښور", "peshawar", .inflected)],
                note: "کې and ته run into a name that ends in a letter that does not join; the span leaves them out"),
        TagCase("د کندهاري طالبانو مشر د روسیې استازي ته وویل. د روسیه استازی هم راغی.",
                [Mentioned("طالبانو", "taliban", .inflected), Mentioned("روسیې", "russia", .inflected), Mentioned("روسیه", "russia")],
                note: "Pashto: the feminine oblique is ې as written; the ي it folds to ends a place's adjective (کندهاري, 'Kandahari')"),
        TagCase("د روسیې د بهرنیو چارو وزارت وویل.", [Mentioned("روسیې د بهرنیو چارو وزارت", "russian-foreign-ministry", .exact)],
                note: "Pashto ې; the genitive د before the name is left out, as the test corpus marks it"),
        TagCase("ګل حسن مسکو ته ورسید.", [Mentioned("ګل حسن", "gul-hasan", .exact), Mentioned("مسکو", "moscow", .exact)], note: "Pashto ګ"),
        TagCase("د طالبانو مشر وویل.", [Mentioned("طالبانو", "taliban", .inflected)], note: "oblique plural, whole word"),
        TagCase("د کابل ښار ارام دی.", [Mentioned("کابل", "kabul", .exact)], note: "Pashto ښ around the name"),
        TagCase("تورخم اوسپین بولدک لارې پرانیستل شوې.", [Mentioned("تورخم", "torkham"), Mentioned("سپین بولدک", "spin-boldak", .inflected)],
                note: "the conjunction او typed fused to the name: و joins no letter, so the missing space is invisible; او is left out"),
    ]

    static let urdu: [TagCase] = [
        TagCase("اس کامیابی میں آرمی چیف کی بڑی کاوش شامل ہے۔", [],
                note: "Urdu has no proclitic ک ('like', Arabic ك): کاوش ('effort') is no ک + اوش (Osh)"),
        TagCase("اسلام آبادمیں اجلاس ہوا اور وفد پشاورسے آیا۔",
                [Mentioned("اسلام آباد", "islamabad", .inflected), Mentioned("پشاور", "peshawar", .inflected)],
                note: "a postposition run into a name after a letter that does not join: the span ends with the name"),
        TagCase("شمالی اورجنوبی وزیرستان میں کارروائی ہوئی۔", [Mentioned("جنوبی وزیرستان", "south-waziristan")],
                note: "the conjunction اور run into the name (a word of the lexicon's too, so the fused word splits)"),
        TagCase("عدالت نے 9 مئی کوعمران خان کو طلب کیا اور پولیس نےلکی مروت میں چھاپہ مارا۔",
                [Mentioned("عمران خان", "imran-khan", .inflected), Mentioned("لکی مروت", "lakki-marwat", .inflected)],
                note: "the postposition of the word before run into the name"),
        TagCase("پاکستان کے وزیر خارجہ اسحاق ڈارنے کہا۔", [Mentioned("پاکستان", "pakistan"), Mentioned("اسحاق ڈار", "ishaq-dar", .inflected)],
                note: "a name of three letters with its last one before the run-in word (ڈار of ڈارنے)"),
        TagCase("بھارت کے وزیر خارجہ ایس جے شنکر نے کہا۔ ایس سی او کا اجلاس ہوا، ایس نے کہا۔",
                [Mentioned("بھارت", "india"), Mentioned("ایس جے شنکر", "subrahmanyam-jaishankar"),
                 Mentioned("ایس سی او", "shanghai-cooperation-organisation")],
                note: "a spelt-out letter (ایس, S) that starts a name is no given name: the S of ایس سی او (SCO) is no one"),
        TagCase("پاکستان کے وزیراعظم محمدشہبازشریف نے کہا اور محمدشہباز شریف نے بھی۔",
                [Mentioned("پاکستان", "pakistan"), Mentioned("شہبازشریف", "shehbaz-sharif", .normalized), Mentioned("شہباز شریف", "shehbaz-sharif")],
                note: "a name's words run together after letters that do not join: the word splits where a name's words meet"),
        TagCase("سرکار اور آبادکاری کا مسئلہ ہے۔", note: "a word splits only into words of a name"),
        TagCase("امریکی سیاسی رہنما واشنگٹن میں ملے۔", [Mentioned("واشنگٹن", "washington")],
                note: "سیاسی ('political') is no سیا (CIA) with سے run into it: the run-in word is written with ے, which folding merges with ی"),
        TagCase("امریکہ کے صدر نے کہا۔", [Mentioned("امریکہ", "united-states")],
                note: "the name written apart from its postposition, as usual"),
        TagCase("حکمران جماعت مسلم لیگ (ن) کے امیدوار نے شکست دی۔", [Mentioned("مسلم لیگ (ن)", "pakistan-muslim-league-n", .normalized)],
                note: "the faction letter in brackets, as Urdu writes PML-N"),
        TagCase("اسلام آبادکو", [], note: "without an Urdu letter (ے ہ ں ٹ ڈ ڑ) the document is not read as Urdu: no run-in postposition"),
    ]

    static let turkish: [TagCase] = [
        TagCase("MİT Başkanı İbrahim Kalın Kabil'e gitti; MİT'in raporu hazır.",
                [Mentioned("MİT", "turkish-national-intelligence-organization"), Mentioned("İbrahim Kalın", "ibrahim-kalin"),
                 Mentioned("Kabil", "kabul"), Mentioned("MİT", "turkish-national-intelligence-organization")],
                note: "an exact-case name written with İ (MİT) is the text's İ"),
        TagCase("Türkmenistan TAPİ projesini görüştü; TAPİ'nin inşaatı sürüyor.",
                [Mentioned("Türkmenistan", "turkmenistan"), Mentioned("TAPİ", "tapi-pipeline"), Mentioned("TAPİ", "tapi-pipeline")],
                note: "an exact-case name's I written with the Turkish capital İ"),
        TagCase("Taliban'a göre toplantı yapıldı.", [Mentioned("Taliban", "taliban")], note: "dative"),
        TagCase("Kabil'de bir toplantı yapıldı.", [Mentioned("Kabil", "kabul")], note: "locative"),
        TagCase("Kabil havaalanındaki Türk askerleri döndü.", [Mentioned("Kabil havaalanındaki", "kabul-airport", .inflected)],
                note: "the locative with -ki on an institution's last word"),
        TagCase("Rusya'nın elçisi konuştu.", [Mentioned("Rusya", "russia")], note: "genitive"),
        TagCase("Taliban’ın lideri konuştu.", [Mentioned("Taliban", "taliban")], note: "typographic apostrophe"),
        TagCase("İran'ın tutumu ve Moskova'daki görüşme", [Mentioned("İran", "iran"), Mentioned("Moskova", "moscow")], note: "dotted capital İ"),
        TagCase("Rusya Dışişleri Bakanlığından yapılan açıklamada Taliban'a destek verildi.",
                [Mentioned("Rusya Dışişleri Bakanlığından", "russian-foreign-ministry", .inflected), Mentioned("Taliban", "taliban")],
                note: "an institution's name takes its ending without an apostrophe"),
        TagCase("Ghana'da ve Kabil'de", [Mentioned("Ghana", "iso3166-gh"), Mentioned("Kabil", "kabul")],
                note: "no Turkish ending read into a name that has none"),
        TagCase("Heyet Pakistanda görüştü; İrandaki Sünniler ve Afganistandan gelenler Kabile döndü.",
                [Mentioned("Pakistanda", "pakistan", .inflected), Mentioned("İrandaki", "iran", .inflected),
                 Mentioned("Afganistandan", "afghanistan", .inflected), Mentioned("Kabile", "kabul", .inflected)],
                note: "a name's ending written without its apostrophe"),
        TagCase("Kabile liderleri toplandı. Şehirde gergin bir gün.",
                note: "at a sentence's start, a short name read through an ending without its apostrophe needs the entity named elsewhere: kabile is 'tribe'"),
        TagCase("Hindistanın tepkisi sert oldu.", [Mentioned("Hindistanın", "india", .inflected)],
                note: "a longer name with such an ending makes no common word, at a sentence's start too"),
        TagCase("Bölgedeki kabile reisleri konuştu.", note: "a common word in lower case is no name with an ending"),
    ]

    static let german: [TagCase] = [
        TagCase("Die Regierung Afghanistans ist isoliert.", [Mentioned("Afghanistans", "afghanistan", .inflected)], note: "genitive -s"),
        TagCase("Die Haltung Russlands bleibt unklar.", [Mentioned("Russlands", "russia", .inflected)], note: "genitive -s"),
        TagCase("Moskaus Haltung und Pakistans Armee", [Mentioned("Moskaus", "moscow", .inflected), Mentioned("Pakistans", "pakistan", .inflected)]),
    ]

    static let english: [TagCase] = [
        TagCase("Russia’s envoy arrived.", [Mentioned("Russia", "russia")], note: "typographic apostrophe"),
        TagCase("Iran's Ports & Maritime Organization said.", [Mentioned("Iran", "iran"), Mentioned("Ports & Maritime Organization", "iran-ports-and-maritime-organization")],
                note: "an ampersand inside a name"),
        TagCase("Pakistan's army said so.", [Mentioned("Pakistan", "pakistan")], note: "ASCII apostrophe"),
        TagCase("The Taliban's leader spoke to Afghanistan’s neighbours.", [Mentioned("Taliban", "taliban"), Mentioned("Afghanistan", "afghanistan")]),
        TagCase("the Taliban-led government", [Mentioned("Taliban", "taliban")], note: "hyphenated compound"),
        TagCase("Taliban-run Afghanistan", [Mentioned("Taliban", "taliban"), Mentioned("Afghanistan", "afghanistan")], note: "hyphenated compound"),
        TagCase("Russia-Afghanistan ties and a Moscow-based envoy",
                [Mentioned("Russia", "russia"), Mentioned("Afghanistan", "afghanistan"), Mentioned("Moscow", "moscow")], note: "two names hyphenated"),
        TagCase("an al-Qaeda-linked cell", [Mentioned("al-Qaeda", "al-qaeda")], note: "hyphen inside the name and after it"),
        TagCase("Tehrik-i-Taliban Pakistan and ISIS-K",
                [Mentioned("Tehrik-i-Taliban Pakistan", "tehrik-i-taliban-pakistan"), Mentioned("ISIS-K", "islamic-state-khorasan")],
                note: "hyphenated names are one mention, not Taliban inside"),
        TagCase("He told the channel Rossiya-1 that Russia agreed.", [Mentioned("Russia", "russia")],
                note: "a name with a number hyphenated to it is another name (a channel)"),
        TagCase("ঢাকা-১৭ আসনে ভোট হবে। The Dhaka-17 seat.", [Mentioned("ঢাকা", "dhaka"), Mentioned("Dhaka", "dhaka")],
                note: "but a town's name with a number is one of its constituencies, in it"),
        TagCase("L'Asie du Sud et l'Asie du Sud-Ouest. South-Kazakhstan region.",
                [Mentioned("Asie du Sud", "south-asia")],
                note: "a name joined by a hyphen to a point of the compass is part of another region's name"),
        TagCase("The Kabul/Kandahar road, RFE/RL reported.",
                [Mentioned("Kabul", "kabul"), Mentioned("Kandahar", "kandahar"), Mentioned("RFE/RL", "radio-free-europe-radio-liberty", .exact)],
                note: "a name may span a slash; names on either side of one stay two"),
        TagCase("The PML (N) and JUI(F) leaders met in Kabul (AP).",
                [Mentioned("PML (N)", "pakistan-muslim-league-n", .normalized), Mentioned("JUI(F)", "jamiat-ulema-e-islam-f", .normalized),
                 Mentioned("Kabul", "kabul"), Mentioned("AP", "associated-press")],
                note: "a party's faction letter in brackets goes on with its name (PML-N), with the bracket; longer words in brackets do not"),
        TagCase("Nitish Kumar of the Janata Dal (United) met reporters in Patna (AP).",
                [Mentioned("Nitish Kumar", "nitish-kumar"), Mentioned("Janata Dal (United)", "janata-dal-united"),
                 Mentioned("Patna", "patna"), Mentioned("AP", "associated-press")],
                note: "a word in brackets goes on with the name before it where a lexicon name writes it so; other brackets still end a name"),
        TagCase("TPO said so. The Taliban Political Office (TPO) denied it, and the TPO head spoke.",
                [Mentioned("TPO", "taliban-political-office", .partial), Mentioned("Taliban Political Office", "taliban-political-office"),
                 Mentioned("TPO", "taliban-political-office", .partial), Mentioned("TPO", "taliban-political-office", .partial)],
                note: "an abbreviation the document defines in brackets after a body's name is that body wherever the document writes it"),
        TagCase("फ्रंटियर कोर (FC) के अधिकारियों ने कहा। बाद में FC ने बयान जारी किया।",
                [Mentioned("फ्रंटियर कोर", "frontier-corps"), Mentioned("FC", "frontier-corps", .partial), Mentioned("FC", "frontier-corps", .partial)],
                note: "a Latin abbreviation in brackets after a name of another script abbreviates the entity's English name (Frontier Corps)"),
        TagCase("Khyber Pakhtunkhwa (KP) police said. The Taliban (TTP) said. The Taliban Political Office (PTO) said, and PTO left.",
                [Mentioned("Khyber Pakhtunkhwa", "khyber-pakhtunkhwa"), Mentioned("KP", "khyber-pakhtunkhwa", .exact), Mentioned("Taliban", "taliban"),
                 Mentioned("TTP", "tehrik-i-taliban-pakistan"), Mentioned("Taliban Political Office", "taliban-political-office")],
                note: "the lexicon's own reading of a defined abbreviation stays; letters that are not the name's, in order and from its first, define nothing; a name of one word defines none"),
        TagCase("纳菲为乌兹别克族,很早加入塔利班。他访问了乌兹别克斯坦。", [Mentioned("塔利班", "taliban"), Mentioned("乌兹别克斯坦", "uzbekistan")],
                note: "a Chinese country's name with 族 ('ethnic group') after it is a people, not the country"),
        TagCase("伊斯兰国在阿富汗发动袭击。一些伊斯兰国家表示支持。", [Mentioned("伊斯兰国", "islamic-state"), Mentioned("阿富汗", "afghanistan")],
                note: "a name whose last character begins a word after it, the rest a word (伊斯兰|国家, 'Islamic countries'), is no mention"),
        TagCase("Wie die „Bild“-Zeitung und die \"Bild\"-Zeitung berichteten.",
                [Mentioned("„Bild“-Zeitung", "bild", .normalized), Mentioned("\"Bild\"-Zeitung", "bild", .normalized)],
                note: "a name that closes a quotation mark inside its span takes the opening mark before it: a span holds both or neither"),
        TagCase("The US paid US$12,000 and HK$500.", [Mentioned("US", "united-states")],
                note: "a country's code written onto a dollar sign is a currency"),
        TagCase("Sputnik reported, сообщил Спутник. Sputnik V.I.P. Sputnik I said. В Кабул привезли «Спутник V», and Russia sent the Sputnik V vaccine.",
                [Mentioned("Sputnik", "sputnik"), Mentioned("Спутник", "sputnik"), Mentioned("Sputnik", "sputnik"), Mentioned("Sputnik", "sputnik"),
                 Mentioned("Кабул", "kabul"), Mentioned("Russia", "russia")],
                note: "a name before a Roman numeral names a thing numbered after it (the Sputnik V vaccine), but not before an abbreviation's first letter or the pronoun I"),
        TagCase("د پاکستان تحريک انصاف (پي ټي ای) مشر وویل.",
                [Mentioned("پاکستان تحريک انصاف", "pakistan-tehreek-e-insaf"), Mentioned("پي ټي ای", "pakistan-tehreek-e-insaf")],
                note: "a short form in brackets right after a body's full name is that body, though folded it reads as another's (Urdu پی ٹی اے, the PTA)"),
        TagCase("The Population Fund of the United Nations (UNFPA) sent midwives.",
                [Mentioned("United Nations", "united-nations"), Mentioned("UNFPA", "unfpa")],
                note: "a Latin abbreviation that is none of the name before it (UNFPA is not the UN's) keeps the body the lexicon gives it"),
        TagCase("The Islamic State Khorasan Province (Daesh) and the Pakistan Telecommunication Authority (PTA) said.",
                [Mentioned("Islamic State Khorasan Province", "islamic-state-khorasan"), Mentioned("Daesh", "islamic-state-khorasan"),
                 Mentioned("Pakistan Telecommunication Authority", "pakistan-telecommunication-authority"), Mentioned("PTA", "pakistan-telecommunication-authority")],
                note: "the full name says which body a bracketed short form several share means (Daesh: here ISKP, not the Islamic State)"),
    ]

    static let french: [TagCase] = [
        TagCase("Le retour de l’Afghanistan sur la scène.", [Mentioned("Afghanistan", "afghanistan")], note: "l’"),
        TagCase("L'ambassadeur d'Afghanistan a parlé.", [Mentioned("Afghanistan", "afghanistan")], note: "d'"),
        TagCase("La position de l'Iran et qu'Islamabad", [Mentioned("Iran", "iran"), Mentioned("Islamabad", "islamabad")], note: "l' and qu'"),
    ]

    /// A generic word before a name (movement, channel, group, agency) is left out when the
    /// rest names the same entity, whether the word is written as listed or inflected.
    static let descriptors: [TagCase] = [
        TagCase("Країна під керуванням руху «Талібан».", [Mentioned("Талібан", "taliban")], note: "uk руху: рух inflected"),
        TagCase("Рух «Талібан» заявив про це.", [Mentioned("Талібан", "taliban", .exact)], note: "uk рух, sentence start"),
        TagCase("Суд приостановил запрет на деятельность движения «Талибан».", [Mentioned("Талибан", "taliban")], note: "ru движения"),
        TagCase("وقال المتحدث باسم حركة طالبان إن الوفد وصل.", [Mentioned("طالبان", "taliban", .exact)], note: "ar حركة"),
        TagCase("ذكرت قناة الجزيرة أن الوفد وصل.", [Mentioned("الجزيرة", "al-jazeera", .exact)], note: "ar قناة"),
        TagCase("L'attentat a été revendiqué par le groupe État islamique.", [Mentioned("État islamique", "islamic-state", .exact)],
                note: "fr groupe"),
    ]

    @Test(arguments: descriptors) func descriptorsAreLeftOut(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: arabic) func arabicProclitics(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: persian) func persianLettersAndZWNJ(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: pashto) func pashto(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: urdu) func urduRunInWords(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: turkish) func turkishApostropheSuffixes(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: german) func germanGenitive(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: english) func englishPossessivesAndCompounds(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: french) func frenchElision(_ c: TagCase) { expectTagging(c) }

    /// The لل case with its offsets written out: ل ل إ م ا ر ة — the mention starts at the second ل.
    @Test func lamLamOffsets() {
        let mentions = SharedIndex.tagger.tag("للإمارة الإسلامية")
        #expect(mentions.count == 1)
        #expect(mentions.first?.start == 1)
        #expect(mentions.first?.end == 17)
        #expect(mentions.first?.id == "islamic-emirate-of-afghanistan")
    }
}
