import Testing
import NomenTagger
import NomenTestSupport

/// Russian and Ukrainian case endings on every part of a name: the span is the whole
/// inflected word or words, the entity is the one whose nominative the lexicon lists,
/// and the mention says it was found through inflection.
@Suite struct InflectionTests {
    static let russian: [TagCase] = [
        TagCase("У берегов Каспийского моря и под Аравийским морем.",
                [Mentioned("Каспийского моря", "caspian-sea", .inflected), Mentioned("Аравийским морем", "arabian-sea", .inflected)],
                note: "a neuter noun in -ре declines with its adjective"),
        TagCase("На Ближнем Востоке, в Среднюю Азию и Соединенным Штатам.",
                [Mentioned("Ближнем Востоке", "middle-east", .inflected), Mentioned("Среднюю Азию", "central-asia", .inflected),
                 Mentioned("Соединенным Штатам", "united-states", .inflected)], note: "soft-stem and plural adjectives"),
        TagCase("Лидеры Содружества независимых государств и Исламского эмирата.",
                [Mentioned("Содружества независимых государств", "commonwealth-of-independent-states", .inflected),
                 Mentioned("Исламского эмирата", "islamic-emirate-of-afghanistan", .inflected)],
                note: "Russian capitalises only the first word of a body's name"),
        // Persons: given name and surname both inflected.
        TagCase("Посол вручил грамоты Замиру Кабулову.", [Mentioned("Замиру Кабулову", "zamir-kabulov", .inflected)], note: "dative"),
        TagCase("Встреча с Замиром Кабуловым прошла в Москве.",
                [Mentioned("Замиром Кабуловым", "zamir-kabulov", .inflected), Mentioned("Москве", "moscow", .inflected)], note: "instrumental"),
        TagCase("По словам Сергея Лаврова, переговоры идут.", [Mentioned("Сергея Лаврова", "sergey-lavrov", .inflected)], note: "genitive"),
        TagCase("Об этом говорится в заявлении Марии Захаровой.", [Mentioned("Марии Захаровой", "maria-zakharova", .inflected)],
                note: "feminine genitive"),
        // Places.
        TagCase("Директор Центрального разведывательного управления и банкиры Персидского залива.",
                [Mentioned("Центрального разведывательного управления", "cia", .inflected), Mentioned("Персидского залива", "persian-gulf", .inflected)],
                note: "-ого reads -ое, -ый, -ой; -ий only after к г х (Персидского: Персидский)"),
        TagCase("Делегация прибыла в Москву.", [Mentioned("Москву", "moscow", .inflected)], note: "accusative"),
        TagCase("Переговоры прошли в Москве.", [Mentioned("Москве", "moscow", .inflected)], note: "locative, without the preposition"),
        TagCase("Делегация побывала в Алма-Ате, потом в Чолпон-Ате и вернулась из Алма-Аты.",
                [Mentioned("Алма-Ате", "almaty", .inflected), Mentioned("Чолпон-Ате", "cholpon-ata", .inflected), Mentioned("Алма-Аты", "almaty", .inflected)],
                note: "a last word of three letters in -а declines on a stem of two"),
        TagCase("Кабул связан с Москвой прямым рейсом.",
                [Mentioned("Кабул", "kabul", .exact), Mentioned("Москвой", "moscow", .inflected)], note: "instrumental"),
        TagCase("Россия признала власть Исламского Эмирата Афганистан.",
                [Mentioned("Россия", "russia", .exact), Mentioned("Исламского Эмирата Афганистан", "islamic-emirate-of-afghanistan", .inflected)],
                note: "adjective and noun inflected, leftmost-longest"),
        TagCase("Исламского Эмирата Афганистан посол не признан.",
                [Mentioned("Исламского Эмирата Афганистан", "islamic-emirate-of-afghanistan", .inflected)], note: "sentence-initial genitive"),
        TagCase("Москва говорит о признании Исламского Эмирата.",
                [Mentioned("Москва", "moscow", .exact), Mentioned("Исламского Эмирата", "islamic-emirate-of-afghanistan", .inflected)],
                note: "short name inflected"),
        TagCase("Договор с Исламским Эмиратом Афганистан подписан.",
                [Mentioned("Исламским Эмиратом Афганистан", "islamic-emirate-of-afghanistan", .inflected)], note: "instrumental"),
        TagCase("Делегация Российской Федерации прибыла.", [Mentioned("Российской Федерации", "russia", .inflected)],
                note: "adjective-noun name"),
        // Organisations, common-noun plurals and multi-word names.
        TagCase("Москва передала гуманитарную помощь талибам.",
                [Mentioned("Москва", "moscow", .exact), Mentioned("талибам", "taliban", .inflected)], note: "plural dative"),
        TagCase("Число талибов в провинции выросло.", [Mentioned("талибов", "taliban", .inflected)], note: "plural genitive"),
        TagCase("Об этом сообщили в МИД России.", [Mentioned("МИД России", "russian-foreign-ministry", .exact)]),
        TagCase("Представитель МИДа России заявил об этом.", [Mentioned("МИДа России", "russian-foreign-ministry", .inflected)],
                note: "declined abbreviation"),
        TagCase("Представитель Министерства иностранных дел России выступил.",
                [Mentioned("Министерства иностранных дел России", "russian-foreign-ministry", .inflected)], note: "genitive of a four-word name"),
        TagCase("Переговоры прошли в Министерстве иностранных дел России.",
                [Mentioned("Министерстве иностранных дел России", "russian-foreign-ministry", .inflected)], note: "locative of a four-word name"),
        TagCase("Переговоры прошли в Исламском Эмирате.", [Mentioned("Исламском Эмирате", "islamic-emirate-of-afghanistan", .inflected)],
                note: "locative of an adjective in -ский"),
        TagCase("Его обвинили в связях с Исламским государством.", [Mentioned("Исламским государством", "islamic-state", .inflected)],
                note: "instrumental of a neuter adjective"),
        TagCase("Дело рассмотрели в Верховном суде России.", [Mentioned("Верховном суде России", "supreme-court-of-russia", .inflected)],
                note: "locative of an adjective in -ый"),
        TagCase("Боевики Исламского движения Узбекистана ушли.",
                [Mentioned("Исламского движения Узбекистана", "islamic-movement-of-uzbekistan", .inflected)], note: "genitive of a neuter noun in -ие"),
        TagCase("Сотрудники Пограничных войск Таджикистана задержали нарушителей. Командир сил «Кудс» прибыл.",
                [Mentioned("Пограничных войск Таджикистана", "tajik-border-troops", .inflected), Mentioned("сил «Кудс»", "quds-force", .inflected)],
                note: "genitive plural without an ending (войска: войск; силы: сил)"),
    ]

    static let ukrainian: [TagCase] = [
        TagCase("Крім того, Україна заявила про Крим, крім Кабула.", [Mentioned("Україна", "ukraine"), Mentioned("Крим", "crimea"), Mentioned("Кабула", "kabul", .inflected)],
                note: "крім ('besides') folds like Крим, and is a common word (exact-words.txt)"),
        TagCase("جناب صدر نے کہا کہ دریائے چناب کا پانی اہم ہے۔", [Mentioned("دریائے چناب", "chenab-river")],
                note: "the honorific جناب folds like چناب (the Chenab), and is a common word (exact-words.txt)"),
        TagCase("د کارون سیند. طالبانو وویل چې د بیارغونې کارونه او نور کارونو ته دوام ورکوي.",
                [Mentioned("کارون", "karun-river"), Mentioned("طالبانو", "taliban", .inflected)],
                note: "Pashto کارونه, کارونو ('works') are not the Karun with an ending"),
        TagCase("پاکستان او افغانستان وايي چې دا د دواړو هېوادونو ترمنځ د کرکې لامل دی.",
                [Mentioned("پاکستان", "pakistan"), Mentioned("افغانستان", "afghanistan")],
                note: "Pashto کرکې ('of hatred') is not Karak with an ending"),
        TagCase("Він був у Києві, на Близькому Сході, у Пактиці, з Китаєм і Сполученим Штатам.",
                [Mentioned("Києві", "kyiv", .inflected), Mentioned("Близькому Сході", "middle-east", .inflected),
                 Mentioned("Пактиці", "paktika", .inflected), Mentioned("Китаєм", "china", .inflected),
                 Mentioned("Сполученим Штатам", "united-states", .inflected)],
                note: "і → о/є alternation, к → ц, stems in -й, plural adjectives"),
        TagCase("Вибори в Іраці минули спокійно, а затриманих у Єкатеринбурзі відпустили.",
                [Mentioned("Іраці", "iraq", .inflected), Mentioned("Єкатеринбурзі", "yekaterinburg", .inflected)],
                note: "к → ц and г → з before the locative і of a masculine noun"),
        TagCase("Делегація прибула до Москви.", [Mentioned("Москви", "moscow", .inflected)], note: "genitive"),
        TagCase("Переговори відбулися у Москві.", [Mentioned("Москві", "moscow", .inflected)], note: "locative"),
        TagCase("Заява Заміра Кабулова пролунала вчора.", [Mentioned("Заміра Кабулова", "zamir-kabulov", .inflected)], note: "genitive"),
        TagCase("Зустріч із Заміром Кабуловим відбулася.", [Mentioned("Заміром Кабуловим", "zamir-kabulov", .inflected)], note: "instrumental"),
        TagCase("Кількість талібів зросла.", [Mentioned("талібів", "taliban", .inflected)], note: "plural genitive"),
        TagCase("Представник Міністерства закордонних справ Росії заявив.",
                [Mentioned("Міністерства закордонних справ Росії", "russian-foreign-ministry", .inflected)]),
        TagCase("Посольство у Кабулі працює.", [Mentioned("Кабулі", "kabul", .inflected)], note: "locative of Кабул"),
        TagCase("Відносини Росії та Афганістану.",
                [Mentioned("Росії", "russia", .inflected), Mentioned("Афганістану", "afghanistan", .inflected)]),
        TagCase("Декларацію підписали у Білому домі. Біля Білого дому протест.",
                [Mentioned("Білому домі", "white-house", .inflected), Mentioned("Білого дому", "white-house", .inflected)],
                note: "і → о in a stem of one letter (дім: дому, домі)"),
        TagCase("Атаки у Червоному морі загрожують безпеці Червоного моря.",
                [Mentioned("Червоному морі", "red-sea", .inflected), Mentioned("Червоного моря", "red-sea", .inflected)],
                note: "a neuter adjective and a neuter noun in -е (Червоне море)"),
    ]

    /// German adjectives inflect by their ending, and one ending stands for several
    /// dictionary forms that start names (Islamischen: Islamische Republik, Islamisches
    /// Emirat, Islamischer Staat): every one is tried.
    static let german: [TagCase] = [
        TagCase("Moskau kämpft gegen den Islamischen Staat.", [Mentioned("Moskau", "moscow"), Mentioned("Islamischen Staat", "islamic-state", .inflected)],
                note: "Islamischen for Islamischer, the third reading of its ending"),
        TagCase("Kämpfer des Islamischen Staates griffen an.", [Mentioned("Islamischen Staates", "islamic-state", .inflected)], note: "genitive"),
        TagCase("Die Anerkennung des Islamischen Emirats Afghanistan.",
                [Mentioned("Islamischen Emirats Afghanistan", "islamic-emirate-of-afghanistan", .inflected)], note: "Islamischen for Islamisches"),
        TagCase("Die Lage im Nahen Osten ist angespannt.", [Mentioned("Nahen Osten", "middle-east", .inflected)],
                note: "an adjective of a three-letter stem declines too (Naher Osten)"),
        TagCase("Nach einer Mitteilung des Auswärtigen Amtes wurde gesprochen.", [Mentioned("Auswärtigen Amtes", "german-foreign-office", .inflected)],
                note: "a noun of three letters takes the genitive -es (Amt: des Amtes)"),
    ]

    @Test(arguments: german) func german(_ c: TagCase) { expectTagging(c) }

    /// Bengali fuses its case endings to the name; Hindi writes postpositions apart, but
    /// fuses the oblique plural.
    static let indic: [TagCase] = [
        TagCase("জবিহ উল্লাহ মুজাহিদ বলেছেন।", [Mentioned("জবিহ উল্লাহ মুজাহিদ", "zabihullah-mujahid")],
                note: "-ullah written apart from the word it ends (জবিহুল্লাহ), with its own vowel letter"),
        TagCase("हेलमन्द और जिंबाब्वे में।", [Mentioned("हेलमन्द", "helmand", .normalized), Mentioned("जिंबाब्वे", "iso3166-zw", .normalized)],
                note: "a nasal's half form before a stop and the anusvara are one spelling (the lexicon writes हेलमंद, जिम्बाब्वे)"),
        TagCase("अंतरराष्ट्रीय प्रवासन संगठन ने कहा।", [Mentioned("अंतरराष्ट्रीय प्रवासन संगठन", "international-organization-for-migration", .normalized)],
                note: "र with a virama before र and रर are one spelling (the lexicon writes अंतर्राष्ट्रीय)"),
        TagCase("বেইজিংয়ে বৈঠক। শি জিনপিংয়ের সঙ্গে পাকিস্থানের প্রধানমন্ত্রী।",
                [Mentioned("বেইজিংয়ে", "beijing", .inflected), Mentioned("শি জিনপিংয়ের", "xi-jinping", .inflected),
                 Mentioned("পাকিস্থানের", "pakistan", .inflected)],
                note: "Bengali: a য় before a vowel ending after ং; -স্থান for the -স্তান of a country's name"),
        TagCase("চীনের পররাষ্ট্রমন্ত্রী ওয়াং ইয়ের সঙ্গে বৈঠক হয়। তিনি ওয়াং ইকে স্বাগত জানান।",
                [Mentioned("চীনের", "china", .inflected), Mentioned("ওয়াং ইয়ের", "wang-yi", .inflected),
                 Mentioned("ওয়াং ইকে", "wang-yi", .inflected)],
                note: "a name's last word that is one vowel letter (ওয়াং ই) takes the ending whole"),
        TagCase("পহেলগাঁওয়ের ঘটনা। পহেলগাঁওয়ে হামলা হয়।",
                [Mentioned("পহেলগাঁওয়ের", "pahalgam", .inflected), Mentioned("পহেলগাঁওয়ে", "pahalgam", .inflected)],
                note: "a য় before a vowel ending after a final ও too"),
        TagCase("উত্তরাঞ্চলীয় প্রদেশ কুন্দুজে হামলা। কুন্দুজ শহর শান্ত।",
                [Mentioned("প্রদেশ কুন্দুজে", "kunduz-province", .inflected), Mentioned("কুন্দুজ", "kunduz")],
                note: "the province word before the name, in apposition, where the lexicon writes it after (কুন্দুজ প্রদেশ): the province, not the city"),
        TagCase("সাবেক সোভিয়েত ইউনিয়নভুক্ত দুই দেশ তাজিকিস্তান ও কিরগিজস্তান।",
                [Mentioned("সোভিয়েত ইউনিয়নভুক্ত", "soviet-union", .inflected), Mentioned("তাজিকিস্তান", "tajikistan"), Mentioned("কিরগিজস্তান", "kyrgyzstan")],
                note: "-ভুক্ত, 'belonging to', on the last word of a name"),
        TagCase("লন্ডনভিত্তিক সংস্থাটি জানায়, তালেবান সরকার কাবুলে বৈঠক করেছে।",
                [Mentioned("লন্ডনভিত্তিক", "london", .inflected), Mentioned("তালেবান", "taliban"), Mentioned("কাবুলে", "kabul", .inflected)],
                note: "-ভিত্তিক, 'based in', on a place"),
        TagCase("ঢাকাস্থ পাকিস্তান হাইকমিশন জানায়, সৌদির সঙ্গে চুক্তি হয়েছে।",
                [Mentioned("ঢাকাস্থ", "dhaka", .inflected), Mentioned("পাকিস্তান", "pakistan"), Mentioned("সৌদির", "saudi-arabia", .inflected)],
                note: "Bengali -স্থ, 'based in', on a place; সৌদি alone names the country"),
        TagCase("খরচের মধ্যে বারিক গোল্ড ও পাকিস্তান সরকারের অংশ রয়েছে।",
                [Mentioned("বারিক গোল্ড", "barrick-gold", .fuzzy), Mentioned("পাকিস্তান", "pakistan")],
                note: "a body's Latin name spelt out in Bengali (Barrick Gold), which the lexicon lists in Latin only"),
        TagCase("ঢাকাঃ পাকিস্তানের সরকার দুঃখ প্রকাশ করেছে।",
                [Mentioned("ঢাকা", "dhaka"), Mentioned("পাকিস্তানের", "pakistan", .inflected)],
                note: "a Bengali visarga that ends a dateline stands for a colon (দুঃখ keeps its own)"),
        TagCase("মস্কোতেও বৈঠক হয়েছে, পুতিনকেই প্রশ্ন করা হয়।",
                [Mentioned("মস্কোতেও", "moscow", .inflected), Mentioned("পুতিনকেই", "vladimir-putin", .inflected)],
                note: "Bengali: an emphatic ও or ই after the locative -তে and the objective -কে"),
        TagCase("ইসমাইল বাঘাই বলেন। বাগাইয়ের মতে, বৈঠক হবে।",
                [Mentioned("ইসমাইল বাঘাই", "esmaeil-baghaei", .exact), Mentioned("বাগাইয়ের", "esmaeil-baghaei", .inflected)],
                note: "Bengali: a য় before a vowel ending after a final vowel letter too"),
        TagCase("তালেবানদের সঙ্গে চীনের সম্পর্ক, ভারতেও এবং কাবুলেই।",
                [Mentioned("তালেবানদের", "taliban", .inflected), Mentioned("চীনের", "china", .inflected),
                 Mentioned("ভারতেও", "india", .inflected), Mentioned("কাবুলেই", "kabul", .inflected)],
                note: "Bengali plural, a curated name of three letters, emphatic endings after a case"),
        TagCase("د افغانستان پلاوی له کابله راستون شو.", [Mentioned("افغانستان", "afghanistan"), Mentioned("کابله", "kabul", .inflected)],
                note: "Pashto ablative after له"),
        TagCase("ईरान की गार्जियन परिषद ने कहा।", [Mentioned("ईरान", "iran"), Mentioned("गार्जियन परिषद", "guardian-council", .normalized)],
                note: "Hindi: a word without the virama that ends the lexicon's spelling (गार्जियन परिषद्) is that word"),
        TagCase("রাশিয়ার সরকার তালেবানের সঙ্গে কাবুলে বৈঠক করেছে।",
                [Mentioned("রাশিয়ার", "russia", .inflected), Mentioned("তালেবানের", "taliban", .inflected), Mentioned("কাবুলে", "kabul", .inflected)],
                note: "bn genitive -র, -ের and locative -ে"),
        TagCase("কেবল ইরান আর অাফগানিস্তানের সঙ্গে বাণিজ্য।", [Mentioned("ইরান", "iran"), Mentioned("অাফগানিস্তানের", "afghanistan", .inflected)],
                note: "Bengali: the short vowel's letter and the ā sign (অা) for the long vowel's letter (আ)"),
        TagCase("পুতিনকে অভিনন্দন জানানো হয়।", [Mentioned("পুতিনকে", "vladimir-putin", .inflected)], note: "bn objective -কে"),
        TagCase("रूस ने तालिबान सरकार को मान्यता दी।", [Mentioned("रूस", "russia", .exact), Mentioned("तालिबान", "taliban", .exact)],
                note: "hi postpositions stand apart"),
        TagCase("तालिबानों का प्रतिनिधिमंडल मॉस्को पहुंचा।", [Mentioned("तालिबानों", "taliban", .inflected), Mentioned("मॉस्को", "moscow")],
                note: "hi oblique plural"),
        TagCase("रुस ने कहा।", [Mentioned("रुस", "russia", .normalized)], note: "a short name with the short u is still as written"),
        TagCase("तालीबान ने कहा।", [Mentioned("तालीबान", "taliban", .normalized)], note: "hi long ī where the lexicon has short i"),
        TagCase("লোকেরা কাতারে কাতারে এসেছে।", note: "a word said twice in a row is an idiom (\"in droves\"), not Qatar twice"),
    ]

    @Test(arguments: indic) func bengaliAndHindi(_ c: TagCase) { expectTagging(c) }

    @Test(arguments: russian) func russian(_ c: TagCase) { expectTagging(c) }

    @Test(arguments: ukrainian) func ukrainian(_ c: TagCase) { expectTagging(c) }

    /// An inflected surname alone links to the one person who carries it; the span is the
    /// whole word, ending included.
    static let loneSurnames: [TagCase] = [
        TagCase("Грамоты вручили Кабулову.", [Mentioned("Кабулову", "zamir-kabulov")], note: "dative"),
        TagCase("Переговоры с Кабуловым продолжились.", [Mentioned("Кабуловым", "zamir-kabulov")], note: "instrumental"),
        TagCase("Переговоры с Лавровым продолжились.", [Mentioned("Лавровым", "sergey-lavrov")], note: "instrumental"),
        TagCase("По словам Лаврова, всё решено.", [Mentioned("Лаврова", "sergey-lavrov")], note: "genitive"),
        TagCase("Заявление Захаровой опубликовано.", [Mentioned("Захаровой", "maria-zakharova")],
                note: "after a capitalised sentence-initial common noun"),
        TagCase("Об этом сообщил помощник Кабулова.", [Mentioned("Кабулова", "zamir-kabulov")], note: "genitive"),
    ]

    @Test(arguments: loneSurnames) func loneInflectedSurnames(_ c: TagCase) { expectTagging(c) }
}
