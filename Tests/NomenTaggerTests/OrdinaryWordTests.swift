import Foundation
import Testing
import NomenLexicon
import NomenTagger
import NomenTestSupport

/// Words of the language that a name's inflected or folded form collides with: the
/// tagger tells them apart by the document (lower-case uses, other mentions), by the
/// grammar (no construct starts with the Arabic article, borrowed names in -о do not
/// decline) and by closed-class words that match only as written.
@Suite struct OrdinaryWordTests {
    static let curated: [TagCase] = [
        TagCase("سپاه پاسداران نیروهای خود را بسیج کرده بودند.", [Mentioned("سپاه پاسداران", "islamic-revolutionary-guard-corps")],
                note: "Persian بسیج with a light verb after it is the verb 'to mobilise', not the Basij"),
        TagCase("وزیر خارجه تاجیکستان روز دوشنبه به کابل رفت و در شهر دوشنبه گفت.",
                [Mentioned("تاجیکستان", "tajikistan"), Mentioned("کابل", "kabul"), Mentioned("دوشنبه", "dushanbe")],
                note: "Persian دوشنبه is Dushanbe and Monday: on Monday (روز دوشنبه) is the day, in the city the city"),
        TagCase("د دوشنبې په ورځ د تاجکستان په پلازمېنه دوشنبه کې غونډه وشوه. وزیر د دوشنبې په هوايي ډګر کې وو.",
                [Mentioned("تاجکستان", "tajikistan"), Mentioned("دوشنبه", "dushanbe"), Mentioned("دوشنبې", "dushanbe")],
                note: "Pashto: on Monday (د دوشنبې په ورځ, a phrase of three words) is the day; at Dushanbe's airport the city"),
        TagCase("د جنوري د ۲۳ او ۲۵ مو نیټو ترمنځه ناسته کېږي، د ناټو مشر وویل.", [Mentioned("ناټو", "nato")],
                note: "Pashto نیټو (dates) is no Urdu نیٹو (NATO): each language writes its retroflex letters"),
        TagCase("این تیم دوشنبه ۲۲ شهریور در تاجیکستان بازی کرد.", [Mentioned("تاجیکستان", "tajikistan")],
                note: "a Monday with a date after it is the day: the phrase list's 0 is any number"),
        TagCase("وقال علي خامنئي إن الاتفاق مهم.", [Mentioned("علي خامنئي", "ali-khamenei", .exact)]),
        TagCase("ردت الحكومة على خامنئي في بيان.", [], note: "the preposition على is not the name علي"),
        TagCase("وقال في كلمة ألقاها أمام مجلس الشورى الإسلامي إن إيران مستعدة.",
                [Mentioned("مجلس الشورى الإسلامي", "islamic-consultative-assembly"), Mentioned("إيران", "iran")],
                note: "the preposition أمام ('before') is not the honorific imam (امام), which would make the body after it a person's title"),
        TagCase("أغلق المعبر الحدودي الرئيسي مع إيران، وهو عامل رئيسي في الأزمة.", [Mentioned("إيران", "iran")],
                note: "Persian رئیسی (Raisi, marked ambiguous) folds like Arabic رئيسي, 'main': a text that never writes ی or ک is not Persian"),
        TagCase("ابراهیم رئیسی به کابل رفت. رئیسی گفت.",
                [Mentioned("ابراهیم رئیسی", "ebrahim-raisi"), Mentioned("کابل", "kabul"), Mentioned("رئیسی", "ebrahim-raisi")],
                note: "in Persian text the surname is his (its bare name, marked ambiguous, where Iran's context is)"),
        TagCase("سردارولی، آمر امر به معروف حوزه ششم گفت.", [],
                note: "امر ('order') is no given name: Arabic أمر الله (Amrullah) is one name with its particle الله, and أمر alone is half of it"),
        TagCase("سيطرت طالبان على أفغانستان ونفذ تنظيم القاعدة هجمات. وأشار ترامب إلى استعادة القاعدة الجوية. وقال إن هذه القاعدة مهمة.",
                [Mentioned("طالبان", "taliban"), Mentioned("أفغانستان", "afghanistan"), Mentioned("القاعدة", "al-qaeda"),
                 Mentioned("ترامب", "donald-trump")],
                note: "القاعدة is 'the base' in a phrase of common-phrases.txt (the air base, this base), in a document where al-Qaeda has context"),
        TagCase("Таліби заявили про це. Потім таліби пішли.", [Mentioned("Таліби", "taliban", .normalized), Mentioned("таліби", "taliban")],
                note: "a word the document also writes in lower case is still a name there when the lexicon writes it so (the plural таліби)"),
        TagCase("Москве предстоит трудная зима.", [Mentioned("Москве", "moscow", .inflected)],
                note: "a curated name may start a sentence in an oblique case"),
        TagCase("Kabil'de toplantı yapıldı. Bu kabil değil. Heyet Kabil'e gitti.", [Mentioned("Kabil", "kabul"), Mentioned("Kabil", "kabul")],
                note: "a word the document also writes in lower case, but capitalises inside a sentence too, is a name"),
        TagCase("Того ж дня Кабулов заявив.", [Mentioned("Кабулов", "zamir-kabulov", .partial)],
                note: "a generated country name of four letters at a sentence's start needs the document to name it again (Того is 'that')"),
        TagCase("Американці хочуть повернути авіабазу Баграм.", [Mentioned("Баграм", "bagram-airfield")],
                note: "the descriptor авіабаза is left out of the mention"),
        TagCase("Portugal said it agreed. Министр прибыл из Португалии в Испанию.",
                [Mentioned("Portugal", "iso3166-pt"), Mentioned("Португалии", "iso3166-pt", .inflected), Mentioned("Испанию", "iso3166-es", .inflected)],
                note: "iso-codes' country names start sentences and inflect, as curated names do"),
        TagCase("भूटान और कनाडा के माली ने कहा। ইন্দোনেশিয়ার মন্ত্রী মালির বাগানে।",
                [Mentioned("भूटान", "iso3166-bt"), Mentioned("कनाडा", "iso3166-ca"), Mentioned("ইন্দোনেশিয়ার", "iso3166-id", .inflected)],
                note: "in Devanagari and Bengali a vowel sign counts toward a country name's length, an ending does not (माली, 'gardener', is no Mali; nor is মালির)"),
        TagCase("इस्लामाबादः पाकिस्तान ने कहा। अतः वार्ता होगी।", [Mentioned("इस्लामाबाद", "islamabad"), Mentioned("पाकिस्तान", "pakistan")],
                note: "a visarga that ends a dateline's word stands for a colon"),
        TagCase("China's mainly Muslim region of Xinjiang. Any Talib fighter will comply.", [Mentioned("China", "china"), Mentioned("Xinjiang", "xinjiang")],
                note: "a person whose every listed name is ambiguous (Sharafuddin Muslim, Abdul Ahad Talib) lends no surname alone, canonical name included"),
        TagCase("The district chief Mullah Hamas spoke; the group Hezbollah met.",
                [Mentioned("Hezbollah", "hezbollah")],
                note: "a body's name right after an honorific is a word of a person's name"),
        TagCase("Ende Juli reiste er nach Kabul.", [Mentioned("Kabul", "kabul")],
                note: "no country names from languages outside world news (Franco-Provençal Ende is India)"),
        TagCase("د پاکستان پلاوی کابل ته ورسېد.", [Mentioned("پاکستان", "pakistan"), Mentioned("کابل", "kabul")],
                note: "a generated name inflected in a script without case (پلاوی, 'delegation', is no Palau)"),
        TagCase("Die Regierung Indiens und die Armee Pakistans.",
                [Mentioned("Indiens", "india", .inflected), Mentioned("Pakistans", "pakistan", .inflected)],
                note: "a German genitive, not the French demonym indiens"),
        TagCase("وقال زعيم طالبان هبة الله أخوند زادة إن", [Mentioned("طالبان", "taliban"),
                Mentioned("هبة الله أخوند زادة", "hibatullah-akhundzada", .normalized)],
                note: "Arabic writes the Persian زاده of a name of several words as زادة"),
        TagCase("وقالت وسائل إعلام روسية إن شركة تركية ستبني القاعدة الجديدة.", [],
                note: "Arabic adjectives and nouns in ة are not the Persian names in ه (روسیه, ترکیه, القاعده)"),
        TagCase("گروه القاعده در افغانستان فعال است.", [Mentioned("القاعده", "al-qaeda"), Mentioned("افغانستان", "afghanistan")],
                note: "the Persian spelling in ه"),
        TagCase("أعلنت روسيا الاعتراف بالإمارة الإسلامية.",
                [Mentioned("روسيا", "russia"), Mentioned("الإمارة الإسلامية", "islamic-emirate-of-afghanistan", .inflected)]),
        TagCase("امارت اسلامي د الاماره الاسلاميه په نوم.", [Mentioned("امارت اسلامي", "islamic-emirate-of-afghanistan", .normalized),
                Mentioned("الاماره الاسلاميه", "islamic-emirate-of-afghanistan", .normalized)],
                note: "an Arabic name in ة, written in ه as Pashto writes it"),
        TagCase("Farah Naz, a teacher, met reporters in Kabul. She flew Iran Aseman.", [Mentioned("Kabul", "kabul")],
                note: "a place beside a capitalised word no name has is part of a longer name: a person's, an airline's"),
        TagCase("He leads the Kabul Traders Union Council (KTUC), the new body, and flew to Herat.", [Mentioned("Herat", "herat")],
                note: "a place before several capitalised words no name has: the words of that name are not the sentence around it"),
        TagCase("She flew home on Iran Aseman last week. She teaches at Takhar University, 20 km from Herat City, said the governor of Kunar Wahidullah Rahmani.",
                [Mentioned("Takhar", "takhar"), Mentioned("Herat", "herat"), Mentioned("Kunar", "kunar")],
                note: "the head of a place's institution, a generic word after a place, a word that introduces a place: the place stays"),
        TagCase("Губернатор провинции Фарьяб Эсматулла Моради заявил.", [Mentioned("Фарьяб", "faryab")],
                note: "a place introduced by its kind stays, whatever follows it"),
        TagCase("The DC Bajaur Shahid Ali and DPO Bannu Ziauddin Ahmed said the road was open.", [Mentioned("Bajaur", "bajaur"), Mentioned("Bannu", "bannu")],
                note: "an office that Pakistani English writes before the district it serves introduces the place"),
        TagCase("震中位于喀布尔东北约27公里。情报首长马里克将军说。美国和北约会谈。中亚国家",
                [Mentioned("喀布尔", "kabul"), Mentioned("美国", "united-states"), Mentioned("北约", "nato"), Mentioned("中亚", "central-asia")],
                note: "a two-character name that the dictionary reads as parts of other words is no mention (东北|约, 马里克); inside a compound (中亚国家) it is"),
        TagCase("On Monday the Guardian Council approved the bill.", [Mentioned("Guardian Council", "guardian-council")],
                note: "a name of exact case that the text does not write so (The Guardian) takes no place from a name it overlaps"),
        TagCase("Talks in Kabul Monday ended. Russia Recognises Taliban Government",
                [Mentioned("Kabul", "kabul"), Mentioned("Russia", "russia"), Mentioned("Taliban", "taliban")],
                note: "a day is no part of a name; a headline in title case says nothing about names"),
        TagCase("Talks on the Pakistan–Taliban line resumed in Istanbul.", [Mentioned("Pakistan", "pakistan"), Mentioned("Taliban", "taliban"), Mentioned("Istanbul", "istanbul")],
                note: "a dash between two names relates them: no Pakistan Taliban (the TTP)"),
        TagCase("The Termez-Naibabad railway and the Kabul–Hairatan line.", [Mentioned("Termez", "termez"), Mentioned("Naibabad", "naibabad"), Mentioned("Kabul", "kabul"),
                                                                      Mentioned("Hairatan", "hairatan")],
                note: "a hyphen or dash joins places, it does not make one name of them"),
        TagCase("В Москве Иван Петров заявил об этом.", [Mentioned("Москве", "moscow", .inflected)],
                note: "an inflected place is no part of a person's name"),
        TagCase("Pakistan shut it, the commissioner at Torkham Maulavi Mohammad Siddique said.", [Mentioned("Pakistan", "pakistan"), Mentioned("Torkham", "torkham")],
                note: "an honorific after a place starts the next name: it makes no longer name of the place"),
        TagCase("The report by M. Khost and colleagues was published in Kabul. Лекцию прочитал Н. Герат.", [Mentioned("Kabul", "kabul")],
                note: "a place's name after an initial is a surname"),
        TagCase("Er sagte in Kabul Vertretern der Regierung, dass Russland Waffen liefern werde.",
                [Mentioned("Kabul", "kabul"), Mentioned("Russland", "russia")],
                note: "German capitalises every noun: there a capital does not mark a name"),
        TagCase("https://example.com/news/kazakhstan-taliban-talks\nKazakhstan hosted the talks, https://kabul-news.af/x?q=taliban reported.",
                [Mentioned("Kazakhstan", "kazakhstan")],
                note: "a web address's words are no names, nor a sign that a name is an ordinary word"),
        TagCase("Write to press@kabul.gov.af or see https://ar.example.com/%D8%B7%D8%A7-AA (in Kabul).", [Mentioned("Kabul", "kabul")],
                note: "nor an e-mail address's, nor a percent-escape's letters (AA)"),
        TagCase("Hazine ve Maliye Bakanı açıklama yaptı.",
                note: "Turkish maliye (finance) is no Mali'ye: a generated country's short name through an ending without its apostrophe needs another mention"),
    ]

    @Test(arguments: curated) func curatedNames(_ c: TagCase) { expectTagging(c) }

    /// An imported lexicon, as a user's bulk list would be: names that ordinary words,
    /// inflected or folded, read as.
    static let bulk: Tagger = {
        func entity(_ id: String, _ type: String, _ name: String, _ language: String, _ text: String) -> Entity {
            Entity(id: id, type: EntityType(type)!, name: name, names: [NameVariant(text, language: language)], source: "tsv")
        }
        let lexicon = Lexicon(entities: [
            entity("hoda", "LOC", "Hoda", "ru", "Хода"),
            entity("godo", "LOC", "Godo", "ru", "Годо"),
            entity("kibe", "LOC", "Kibe", "ar", "كيبي"),
            entity("ministry-of-kibe", "ORG", "Ministry of Kibe", "ar", "وزارة كيبي"),
            entity("ili-group", "ORG", "Ili Group", "ar", "مجموعة إلي"),
            entity("mivi", "LOC", "Mivi", "en", "Mivi"),
            entity("khana", "LOC", "Khana", "ru", "Хана"),
        ])
        return Tagger(lexicon: CompiledLexicon.compile(lexicon))
    }()

    static func ids(_ text: String) -> [String] { bulk.tag(text).map(\.id) }

    @Test func anInflectedWordAtASentenceStartNeedsItsEntityNamedElsewhere() {
        // Ходе is the locative of Хода and a word of its own (в ходе).
        #expect(Self.ids("Ходе переговоров стороны договорились.") == [])
        #expect(Self.ids("Ходе помогли соседи. Город Хода стоит на реке.") == ["hoda", "hoda"])
    }

    @Test func aWordWrittenInLowerCaseElsewhereIsThatWord() {
        #expect(Self.ids("Ходе дела не изменились. В ходе встречи Хода упоминалась.") == ["hoda"])
    }

    @Test func borrowedNamesInODoNotDecline() {
        #expect(Self.ids("Он приехал в Годо. Года прошли.") == ["godo"])
        #expect(Self.ids("Мы ждали два года.") == [])
    }

    @Test func noConstructStartsWithTheArticle() {
        #expect(Self.ids("وقالت وزارة كيبي إن الطريق مفتوح") == ["ministry-of-kibe"])
        #expect(Self.ids("وقالت الوزارة كيبي مدينة هادئة") == ["kibe"])
        #expect(Self.ids("واتصل الوفد بوزارة كيبي") == ["ministry-of-kibe"])
    }

    @Test func aLanguagesEndingsApplyWhereTheDocumentShowsTheLanguage() {
        // German -s: not in English text, where a name plus s is no genitive.
        #expect(Self.ids("Officials of Mivis Group met on Monday.") == [])
        #expect(Self.ids("Die Regierung Mivis ist neu.") == ["mivi"])
        #expect(Self.ids("Die Regierung Mivis ließ verlauten.") == ["mivi"])
        // Ukrainian -и after н: not in Russian text (no і ї є ґ), where the genitive is Ханы.
        #expect(Self.ids("Мы видели Хани вчера.") == [])
        #expect(Self.ids("Ми приїхали до Хани вчора.") == ["khana"])
    }

    @Test func closedClassWordsMatchOnlyAsWritten() {
        #expect(Self.ids("أعلنت مجموعة إلي عن أرباحها") == ["ili-group"])
        #expect(Self.ids("وصلت مجموعة إلى القاهرة") == [])
    }
}

/// A rules folder a curator edits: its gate lines are read, and a malformed line is
/// reported with its file and line.
@Suite struct RulesFileTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = CLI.temporaryDirectory("nomen-rules")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    /// An ending that starts with a combining vowel sign (Bengali ের, Hindi ों) is read as one:
    /// split by characters, the space before it would have joined it.
    @Test func endingsThatStartWithAVowelSignAreRead() throws {
        let dir = try Self.folder(["bn.rules": "script: bengali\nsuffix ের >\nsuffix ে >\n", "hi.rules": "script: devanagari\nsuffix ों >\n"])
        let rules = try InflectionRules.load(directory: dir)
        #expect(rules.count == 3)
    }

    @Test func gateLinesAreRead() throws {
        let dir = try Self.folder(["de.rules": "script: latin\nletters: ä ö\nwords: der Und\nsuffix s >\n"])
        let rules = try InflectionRules.load(directory: dir)
        #expect(rules.gateLetters["de"] == ["ä", "ö"])
        #expect(rules.gateWords["de"] == ["der", "und"])
        #expect(rules.count == 1)
    }

    @Test func anEmptyGateLineIsAnErrorWithItsLine() throws {
        let dir = try Self.folder(["de.rules": "script: latin\nsuffix s >\nwords:\n"])
        do {
            _ = try InflectionRules.load(directory: dir)
            Issue.record("an empty words: line was accepted")
        } catch let e as LexiconError {
            #expect(e.errors.map(\.location.line) == [3])
            #expect(e.errors.first?.location.file.hasSuffix("de.rules") == true)
        }
    }
}
