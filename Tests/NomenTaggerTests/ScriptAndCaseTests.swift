import Testing
import NomenTagger
import NomenTestSupport

/// Letter case (all-caps datelines, lowercase common-noun uses), scripts without spaces,
/// leftmost-longest selection, how a match is labelled, and sentences where nothing may
/// be tagged.
@Suite struct ScriptAndCaseTests {
    static let datelines: [TagCase] = [
        TagCase("KABUL, Aug. 15 — Talks began.", [Mentioned("KABUL", "kabul", .normalized)]),
        TagCase("MOSCOW — Talks began.", [Mentioned("MOSCOW", "moscow", .normalized)]),
        TagCase("ERBIL, Iraq — Talks began.", [Mentioned("ERBIL", "erbil", .normalized), Mentioned("Iraq", "iraq", .exact)]),
        TagCase("HERAT, Afghanistan — KANDAHAR", [Mentioned("HERAT", "herat"), Mentioned("Afghanistan", "afghanistan"), Mentioned("KANDAHAR", "kandahar")]),
        TagCase("RUSSIA RECOGNISES THE TALIBAN", [Mentioned("RUSSIA", "russia"), Mentioned("TALIBAN", "taliban")], note: "all-caps headline"),
        TagCase("LE KIRGHIZISTAN ET LE TADJIKISTAN PARVIENNENT À UN ACCORD\nLes ministres ont signé un accord à Bichkek.",
                [Mentioned("KIRGHIZISTAN", "kyrgyzstan"), Mentioned("TADJIKISTAN", "tajikistan"), Mentioned("Bichkek", "bishkek")],
                note: "a function word in capitals among capitals, which the document also writes in lower case (un), is that word, not the acronym (UN)"),
        TagCase("WHY IS THE TALIBAN WINNING\nThe group is strong, and IS fighters are weak.",
                [Mentioned("TALIBAN", "taliban"), Mentioned("IS", "islamic-state")], note: "the same for English is; the acronym among lower-case words stays"),
        TagCase("UN CONDEMNS ATTACK IN KABUL\nThe UN said so.",
                [Mentioned("UN", "united-nations"), Mentioned("KABUL", "kabul"), Mentioned("UN", "united-nations")],
                note: "a document that never writes the word in lower case keeps the acronym in its headline"),
    ]

    static let chinese: [TagCase] = [
        TagCase("领导人沙费克．拉曼表示。", [Mentioned("沙费克．拉曼", "shafiqur-rahman")],
                note: "a full-width full stop between a name's parts is its middle dot"),
        TagCase("卡里姆·阿卜杜马利表示。", note: "马利 (Mali) ending the second part of a foreign name written X·YZ is no mention"),
        TagCase("弗拉基米尔·普京抵达北京。", [Mentioned("弗拉基米尔·普京", "vladimir-putin"), Mentioned("北京", "beijing")],
                note: "but a name found after the dot ends that part: Beijing a few characters on is a place"),
        TagCase("伊沙克·达尔和印度外长会谈。", [Mentioned("伊沙克·达尔", "ishaq-dar"), Mentioned("印度", "india")],
                note: "so does a conjunction (和, 'and')"),
        TagCase("加德满都的官员对《加德满都邮报》表示。", [Mentioned("加德满都", "kathmandu")],
                note: "a place inside a short title in 《》 names the paper, not the place"),
        TagCase("塔利班政府表示欢迎。", [Mentioned("塔利班", "taliban", .exact)], note: "no spaces"),
        TagCase("俄罗斯外交部发言人说", [Mentioned("俄罗斯外交部", "russian-foreign-ministry", .exact)], note: "longest, not 俄罗斯 inside"),
        TagCase("阿富汗伊斯兰酋长国代表抵达", [Mentioned("阿富汗伊斯兰酋长国", "islamic-emirate-of-afghanistan", .exact)],
                note: "longest, not 阿富汗 inside"),
        TagCase("喀布尔和莫斯科", [Mentioned("喀布尔", "kabul"), Mentioned("莫斯科", "moscow")]),
        TagCase("俄羅斯與阿富汗", [Mentioned("俄羅斯", "russia"), Mentioned("阿富汗", "afghanistan")], note: "Traditional"),
        TagCase("阿富汗伊斯蘭酋長國", [Mentioned("阿富汗伊斯蘭酋長國", "islamic-emirate-of-afghanistan")], note: "Traditional, longest"),
        TagCase("俄罗斯外交部长拉夫罗夫说", [Mentioned("俄罗斯", "russia"), Mentioned("拉夫罗夫", "sergey-lavrov")],
                note: "外交部长 is the minister's title: the country is mentioned, not the ministry"),
        TagCase("塔利班外交部长穆塔基表示", [Mentioned("塔利班", "taliban"), Mentioned("穆塔基", "amir-khan-muttaqi")], note: "no 外交部 in 外交部长"),
        TagCase("俄罗斯联邦安全局局长博尔特尼科夫", [Mentioned("俄罗斯联邦安全局", "fsb"), Mentioned("博尔特尼科夫", "alexander-bortnikov")],
                note: "a body's name before 局长 is still a mention of it"),
        TagCase("中国长城", [Mentioned("中国", "china")], note: "长 after a name that is no body"),
        TagCase("北京时间3月22日晚，莫斯科郊外发生袭击。", [Mentioned("莫斯科", "moscow")],
                note: "北京时间 is Beijing time, a clock, not the city"),
        TagCase("塔吉克人口约一千万。反对塔利班的阿富汗塔吉克人和乌兹别克人说，阿富汗人权状况恶化。",
                [Mentioned("塔吉克", "tajikistan"), Mentioned("塔利班", "taliban"), Mentioned("阿富汗", "afghanistan"), Mentioned("阿富汗", "afghanistan")],
                note: "a country's name without its 斯坦 before 人 names a people (塔吉克人, Tajiks), unless 人 starts a word (人口, population)"),
        TagCase("数百万阿富汗人返回。", [Mentioned("阿富汗", "afghanistan")], note: "a demonym of a whole name stays (阿富汗人, Afghans)"),
        TagCase("拉赫蒙用塔吉克语和俄语发表讲话。", [Mentioned("拉赫蒙", "emomali-rahmon")],
                note: "a place's name before 语 names a language"),
        TagCase("塔利班发言人阿卜杜勒·加尼表示", [Mentioned("塔利班", "taliban")],
                note: "加尼 (Ghani) after a middle dot is another person's surname: Abdul Ghani"),
        TagCase("夏巴兹·谢里夫说。谢里夫还说", [Mentioned("夏巴兹·谢里夫", "shehbaz-sharif", .exact), Mentioned("谢里夫", "shehbaz-sharif", .partial)],
                note: "the surname after the dot names the person a document names in full"),
        TagCase("谢里夫说。", note: "and no one in a document that does not"),
        TagCase("阿富汗铜矿由中冶集团和江铜组成的联合体开发。",
                [Mentioned("阿富汗", "afghanistan"), Mentioned("中冶集团", "metallurgical-corporation-of-china"), Mentioned("江铜", "jiangxi-copper")],
                note: "a conjunction before a short name makes no word with it (和|江铜)"),
        TagCase("阿富汗局势。阿塔表示，阿塔图尔克和阿塔姆巴耶夫。",
                [Mentioned("阿富汗", "afghanistan"), Mentioned("阿塔", "taliban"), Mentioned("阿塔图尔克", "mustafa-kemal-ataturk")],
                note: "a short name before a character that spells foreign names begins a longer name (Atatürk, whom the lexicon knows; Atambayev)"),
        TagCase("副局长毛尔维·阿卜杜勒·萨拉姆·哈纳菲会见", [Mentioned("毛尔维·阿卜杜勒·萨拉姆·哈纳菲", "abdul-salam-hanafi", honorific: "mawlawi")],
                note: "Mawlawi in Chinese before the dot"),
        TagCase("毛拉·巴拉达尔表示", [Mentioned("毛拉·巴拉达尔", "abdul-ghani-baradar", honorific: "mullah")],
                note: "an honorific before the dot is the same person's"),
    ]

    static let leftmostLongest: [TagCase] = [
        TagCase("Islamic Emirate of Afghanistan", [Mentioned("Islamic Emirate of Afghanistan", "islamic-emirate-of-afghanistan", .exact)]),
        TagCase("the Islamic Emirate of Afghanistan's envoy", [Mentioned("Islamic Emirate of Afghanistan", "islamic-emirate-of-afghanistan")]),
        TagCase("Исламский Эмират Афганистан", [Mentioned("Исламский Эмират Афганистан", "islamic-emirate-of-afghanistan", .exact)]),
        TagCase("امارت اسلامی افغانستان", [Mentioned("امارت اسلامی افغانستان", "islamic-emirate-of-afghanistan", .exact)]),
        TagCase("الإمارة الإسلامية في أفغانستان", [Mentioned("الإمارة الإسلامية في أفغانستان", "islamic-emirate-of-afghanistan", .exact)]),
        TagCase("The Supreme Court of Russia ruled.", [Mentioned("Supreme Court of Russia", "supreme-court-of-russia", .exact)]),
        TagCase("The Russian Foreign Ministry said.", [Mentioned("Russian Foreign Ministry", "russian-foreign-ministry", .exact)]),
    ]

    /// A name written exactly as the lexicon lists it (in any language) is `exact`; a
    /// case or letter variant of it is `normalized`.
    static let matchKinds: [TagCase] = [
        TagCase("سفیر در کابل", [Mentioned("کابل", "kabul", .exact)], note: "fa with keheh, listed for fa"),
        TagCase("وصل إلى كابل", [Mentioned("كابل", "kabul", .exact)], note: "ar with kaf, listed for ar"),
        TagCase("سفیر ایران", [Mentioned("ایران", "iran", .exact)], note: "listed for fa"),
        TagCase("俄羅斯", [Mentioned("俄羅斯", "russia", .exact)], note: "listed for zh-Hant"),
        TagCase("喀布爾", [Mentioned("喀布爾", "kabul", .exact)], note: "listed for zh-Hant"),
        TagCase("ګل حسن", [Mentioned("ګل حسن", "gul-hasan", .exact)], note: "listed for ps"),
        TagCase("Мулла Барадар прибыл", [Mentioned("Мулла Барадар", "abdul-ghani-baradar", .normalized, honorific: "mullah")],
                note: "capitalised form of мулла Барадар"),
        TagCase("روسيې پرته ايران، چين او پاکستان", [Mentioned("روسيې", "russia", .inflected), Mentioned("ايران", "iran", .normalized),
                                                    Mentioned("چين", "china", .normalized), Mentioned("پاکستان", "pakistan", .exact)],
                note: "a short name typed with the Arabic keyboard's yeh is still as written"),
        TagCase("यूएनओडीसी की रिपोर्ट पर सेना की आईएसपीआर ने कहा।", [Mentioned("यूएनओडीसी", "unodc", .normalized), Mentioned("आईएसपीआर", "ispr", .exact)],
                note: "an English acronym spelt by its letters' Hindi names (आईएसपीआर is listed too)"),
        TagCase("ইউএনওডিসি জানিয়েছে। আইএনএসটিসির মাধ্যমে বাণিজ্য বাড়বে।",
                [Mentioned("ইউএনওডিসি", "unodc", .normalized), Mentioned("আইএনএসটিসির", "instc", .inflected)],
                note: "and by their Bengali names, with a case ending; the English acronym's exact case binds no letters here"),
    ]

    /// Lowercase uses where the language writes the name so.
    static let lowercaseNames: [TagCase] = [
        TagCase("Об этом сообщили в министерстве обороны России.", [Mentioned("министерстве обороны России", "russian-defence-ministry", .inflected)],
                note: "a body's name that ends in a proper noun, its first word in lower case as running text writes it"),
        TagCase("министерство обороны заявило", note: "but not a generic phrase without the proper noun"),
        TagCase("Les talibans ont pris Kaboul.", [Mentioned("talibans", "taliban"), Mentioned("Kaboul", "kabul")]),
        TagCase("Москва передала помощь талибам.", [Mentioned("Москва", "moscow"), Mentioned("талибам", "taliban")]),
        TagCase("Iran protested the Kamal Khan dam on the Helmand river.",
                [Mentioned("Iran", "iran"), Mentioned("Kamal Khan dam", "kamal-khan-dam"), Mentioned("Helmand river", "helmand-river")],
                note: "a generic head in lower case inside a place's name (lower-heads.txt): the river, not the province"),
        TagCase("Kabil havalimanı kapandı.", [Mentioned("Kabil havalimanı", "kabul-airport")], note: "Turkish"),
        TagCase("اشتباكات على خط \"دوراند\" الحدودي", [Mentioned("خط \"دوراند\"", "durand-line")],
                note: "a span that opens a quotation mark closes it"),
        TagCase("The Russian foreign ministry said.", [Mentioned("Russian foreign ministry", "russian-foreign-ministry")],
                note: "the generic words of a ministry's name in lower case"),
        TagCase("开伯尔—普什图省的官员说", [Mentioned("开伯尔—普什图省", "khyber-pakhtunkhwa")], note: "a dash with nothing around it joins as a hyphen"),
        TagCase("Tolo news reported.", [Mentioned("Tolo news", "tolonews")], note: "a medium's generic head"),
        TagCase("Clashes in Kunar province.", [Mentioned("Kunar", "kunar")],
                note: "a generic word that names the same place is no head: the span stays the name"),
        TagCase("The river Helmand and the dam.", [Mentioned("Helmand", "helmand")], note: "only after the name's first word"),
    ]

    /// Words written with the other script's look-alike letters, as some sites write to foil
    /// copying: read in the script of their other letters, the span as written.
    static let lookAlikes: [TagCase] = [
        TagCase("Пpeзидeнт Aфгaнicтaну прибув", [Mentioned("Aфгaнicтaну", "afghanistan", .inflected)],
                note: "Latin A, a, i in a Ukrainian word, the first letter too"),
        TagCase("Тaлiбaн заявили, що Мocквa визнала", [Mentioned("Тaлiбaн", "taliban"), Mentioned("Мocквa", "moscow")]),
        TagCase("The envoy met Zаmir Kаbulov in Kаbul.", [Mentioned("Zаmir Kаbulov", "zamir-kabulov", .normalized), Mentioned("Kаbul", "kabul", .normalized)],
                note: "Cyrillic а in English words"),
        TagCase("Кabul and Мoscow", [Mentioned("Кabul", "kabul"), Mentioned("Мoscow", "moscow")],
                note: "a Cyrillic look-alike first letter, then Latin letters that have none"),
        TagCase("حکومت طا-لبان و هیئت طال-بان؛ روابط افغانستان-پاکستان",
                [Mentioned("طا-لبان", "taliban", .normalized), Mentioned("طال-بان", "taliban", .normalized),
                 Mentioned("افغانستان", "afghanistan"), Mentioned("پاکستان", "pakistan")],
                note: "a name split by a hyphen to get past filters is one word; two names joined by one stay two"),
        TagCase("ООН, СССР і Су24", [Mentioned("ООН", "united-nations", .exact), Mentioned("СССР", "soviet-union", .exact)],
                note: "Cyrillic words of look-alike letters only stay Cyrillic; a digit changes nothing"),
    ]

    /// Ordinary sentences: nothing in them is an entity of the lexicons.
    static let negatives: [TagCase] = [
        TagCase("We ate turkey and rice from china bowls; the jordan almonds were sweet."),
        TagCase("Give us a call. It is on the table. The man said in time."),
        TagCase("Let us go to turkey for dinner; china plates and a chad."),
        TagCase("Today we will iran a marathon."),
        TagCase("Она сказала, что мир и россия — просто слова."),
        TagCase("Der Mann ging nach Hause. Die Kabel waren kaputt."),
        TagCase("Le chat est sur la table."),
        TagCase("Bugün hava çok güzel. Ben eve gidiyorum. Bir gül aldım."),
        TagCase("我们今天去公园散步。"),
        TagCase("The guest host said the fund grew."),
        TagCase("The mujahid fighters met a khan."),
        TagCase("The Foreign Ministry said nothing.",
                note: "a generic name with no context (organizations.yaml: linked only when a context id is mentioned)"),
        TagCase("Haqqani said so.", note: "a surname several people of the lexicon share"),
        TagCase("Mullah said.", note: "an honorific alone"),
        TagCase(""),
        TagCase("   \n\t  "),
    ]

    @Test(arguments: datelines) func allCapsDatelines(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: chinese) func chineseWithoutSpaces(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: leftmostLongest) func leftmostLongest(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: matchKinds) func matchKinds(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: lowercaseNames) func lowercaseNames(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: negatives) func negatives(_ c: TagCase) { expectTagging(c) }
    @Test(arguments: lookAlikes) func lookAlikeLetters(_ c: TagCase) { expectTagging(c) }

    @Test func capitalisedUSAndDottedUS() {
        expectTagging(TagCase("He met us in the US and the U.S. army.", [Mentioned("US", "united-states", .exact), Mentioned("U.S.", "united-states", .exact)]))
    }

    /// Offsets are Unicode scalars: an emoji before a name counts one.
    @Test func scalarOffsetsAfterAstralCharacters() {
        let mentions = SharedIndex.tagger.tag("😀🇷🇺 Russia")
        #expect(mentions.map(\.start) == [4])
        #expect(mentions.map(\.end) == [10])
    }
}
