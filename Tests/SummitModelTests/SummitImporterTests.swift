import Testing
import ReportTestSupport
import InputSupport
@testable import SummitModel

struct ExpectedSpeaker {
    var number: Int
    var place: String
    var slug: String
    var role: String
    var honorific: String?
    var name: String
    var shape: String
    var points: Int
    /// Text that must appear in the summary exactly (joins across page breaks included).
    var contains: [String]

    /// Records every field of the summit's speaker with this number that differs.
    func check(in summit: Summit) throws {
        let speaker = try #require(summit.speakers.first { $0.number == number })
        #expect(speaker.placeAsWritten == place)
        #expect(speaker.placeSlug == slug)
        #expect(speaker.role == role)
        #expect(speaker.honorific == honorific)
        #expect(speaker.name == name)
        #expect(SummitModelTests.shape(of: speaker.summary) == shape, "row \(number)")
        #expect(speaker.summary.pointCount == points)
        let text = speaker.summary.units.map(\.text).joined(separator: "\n")
        for snippet in contains { #expect(text.contains(snippet), "row \(number) lacks \(snippet)") }
    }
}

@Suite("Importing the 2021 summit file")
struct Summit2021ImportTests {
    let result: ImportResult
    init() throws { result = try ImportFixtures.importer.importFile(Repository.summit2021) }

    static let expected: [ExpectedSpeaker] = [
        .init(number: 1, place: "臺北市", slug: "taipei", role: "市長", honorific: nil, name: "柯文哲", shape: "P L1-5", points: 5,
              contains: ["台北排名 8，ESI 為 16", "並以 1+7 領域核心及智慧政府為核心：", "雙管齊下：由下而上，成為概念驗證場域", "智慧校園 4.0，要改變社會"]),
        .init(number: 2, place: "臺北市", slug: "taipei", role: "副市長", honorific: nil, name: "黃珊珊", shape: "P", points: 0,
              contains: ["增加了 1.76%。", "以 1 個基礎 2 個配套 2 個發展"]),
        .init(number: 3, place: "荷蘭在台辦事處", slug: "netherlands-office", role: "副代表", honorific: "Mr.", name: "Rene Beerepoot",
              shape: "P L1-5 P", points: 5, contains: ["IOT 需有 5G 網路支援-高品質網路", "公私協力合作，大家可以想到", "另外，分享烏特勒支"]),
        .init(number: 4, place: "英國在台辦事處", slug: "british-office", role: "副代表", honorific: "Mr.", name: "Andrew Pittam",
              shape: "P L1-3 P", points: 3, contains: ["政府可以提供什麼協助?", "格林威治歷年皆有參加智慧城市展"]),
        .init(number: 5, place: "南韓大邱市", slug: "daegu", role: "市長", honorific: "Mr.", name: "Kwon, Young-jin", shape: "P L1-4", points: 4,
              contains: ["5+1 領域：醫療", "智慧水表。"]),
        .init(number: 6, place: "南非茨瓦內市", slug: "tshwane", role: "行政市長", honorific: "Mr.", name: "Randall Williams", shape: "P", points: 0,
              contains: ["2021 年執行將第二階段，讓服務移動到線上服務平台", "以實現自動化派送任務。"]),
        .init(number: 7, place: "捷克中波西米亞省", slug: "central-bohemia", role: "副局長", honorific: "Mr.", name: "Jiří Snižek",
              shape: "P L1-4", points: 4, contains: ["DIANA：化工、醫學領域", "採雙抗體法。"]),
        .init(number: 8, place: "法國史特拉斯堡大都會區", slug: "strasbourg", role: "副主席", honorific: "Ms.", name: "Anne-Marie JEAN",
              shape: "P", points: 0, contains: ["提供開放數據技術與廠商企業", "TSD 計畫"]),
        .init(number: 9, place: "尼泊爾勒利德布爾市", slug: "lalitpur", role: "市長", honorific: "Mr.", name: "Chiri Babu Maharjan",
              shape: "P", points: 0, contains: ["綠色計畫(花園、綠地)"]),
        .init(number: 10, place: "模里西斯路易港市", slug: "port-louis", role: "市長", honorific: "Mr.", name: "Mahfooz Moussa CADER SAÏB",
              shape: "P L1-7", points: 7, contains: ["823 個確診病例中", "議會採線上會議方式。"]),
        .init(number: 11, place: "捷克布拉格市", slug: "prague", role: "市長", honorific: "Mr.", name: "Zdeněk Hřib", shape: "P L1-3", points: 3,
              contains: ["Golemio 是我們的開放數據平台"]),
        .init(number: 12, place: "英國西英格蘭區", slug: "west-of-england", role: "市長", honorific: "Mr.", name: "Timothy Bowles",
              shape: "P", points: 0, contains: ["規劃超過兩億英鎊的 5G 布建計畫"]),
        .init(number: 13, place: "匈牙利布達佩斯市", slug: "budapest", role: "副市長", honorific: "Mr.", name: "Gábor Kerpel-Fronius",
              shape: "P P", points: 0, contains: ["藉以分散人潮。", "為幫助市民恢復正常生活"]),
    ]

    @Test func titleAndDateComeFromThePageHeader() {
        #expect(result.summit.title == "2021 首長高峰會")
        #expect(result.summit.date == "2021-03-23")
        #expect(result.summit.heading == "2021 首長高峰會(3/23)談話內容摘要")
        #expect(result.summit.slug == "summit-2021-03-23")
    }

    @Test func thirteenSpeakersTwelvePlacesAndNoWarnings() {
        #expect(result.summit.speakers.count == 13)
        #expect(result.summit.places.count == 12)
        #expect(result.summit.speakers(at: result.summit.places[0]).map(\.name) == ["柯文哲", "黃珊珊"])
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test(arguments: expected)
    func speakerFieldByField(_ expected: ExpectedSpeaker) throws {
        try expected.check(in: result.summit)
    }

    @Test func noTagEntityOrPageHeaderSurvives() {
        for speaker in result.summit.speakers {
            let fields = [speaker.placeAsWritten, speaker.role, speaker.name, speaker.honorific ?? ""] + speaker.summary.units.map(\.text)
            for field in fields {
                #expect(!field.contains("<") && !field.contains(">"), "tag in \(field)")
                #expect(!field.contains("&amp;") && !field.contains("&lt;") && !field.contains("&#"), "entity in \(field)")
                #expect(!field.contains("談話內容摘要") && !field.contains("城市首長或代表"), "header text in \(field)")
                #expect(field == field.trimmingCharacters(in: " "), "untrimmed: \(field)")
            }
        }
    }

    @Test func numbersInsideTextAreNotListBoundaries() throws {
        let taipei = try #require(result.summit.speakers.first)
        guard case let .list(list) = taipei.summary.blocks[1] else { Issue.record("no list"); return }
        #expect(list.items.map(\.number) == [1, 2, 3, 4, 5])
        #expect(list.items[4].text == "5G：午夜信義路測試智慧巴士，5G 並應用於醫院機器人，自動送餐送藥，減少接觸。")
        #expect(list.items[3].text.hasSuffix("智慧校園 4.0，要改變社會，先從教育起手。"))
    }

    @Test func rowTenListContinuesAfterThePageBreak() throws {
        let portLouis = try #require(result.summit.speakers.first { $0.number == 10 })
        guard case let .list(list) = portLouis.summary.blocks[1] else { Issue.record("no list"); return }
        #expect(list.items.map(\.number) == Array(1...7))
        #expect(list.items[4].text == "確保超市市場供貨都能夠穩定。")
    }
}

@Suite("Importing a second summit file of another shape")
struct Summit2022ImportTests {
    let result: ImportResult
    init() throws { result = try ImportFixtures.importer.importFile(Repository.summit2022) }

    static let expected: [ExpectedSpeaker] = [
        .init(number: 1, place: "高雄市", slug: "gao-xiong-shi", role: "市長", honorific: nil, name: "陳其邁", shape: "P L1-3", points: 3,
              contains: ["智慧路燈 2 萬 4 千盞換裝 LED，節電 60%。", "R&D 補助新創團隊，預算 1.5 萬美元。"]),
        .init(number: 2, place: "日本福岡市", slug: "ri-ben-fu-gang-shi", role: "市長", honorific: "Mr.", name: "Takashima Soichiro",
              shape: "P L1-4", points: 4, contains: ["減少塞車與排隊時間。", "資料集遵循 <DCAT> 標準", "排名全國第 2。"]),
        .init(number: 3, place: "德國漢堡市", slug: "de-guo-han-bao-shi", role: "副市長", honorific: "Dr.", name: "Anna Müller",
              shape: "P U1-2 P", points: 2, contains: ["數位城市策略 & 智慧港口：", "港口物流平台", "\"Digital First\""]),
        .init(number: 4, place: "新加坡", slug: "xin-jia-po", role: "副部長", honorific: "Ms.", name: "Tan Hui Ling", shape: "P P", points: 0,
              contains: ["97% 成年人使用。", "未來將以 AI 協助市民"]),
        .init(number: 5, place: "臺北市", slug: "taipei", role: "副市長", honorific: nil, name: "李四端", shape: "P L1-3", points: 3,
              contains: ["臺北市分享三項做法：", "智慧電表普及至 30 萬戶。"]),
        .init(number: 6, place: "美國波士頓市", slug: "mei-guo-bo-shi-dun-shi", role: "市長", honorific: "Ms.", name: "Michelle Wu",
              shape: "P L1-3 P", points: 3, contains: ["健康：社區診所導入遠距醫療。", "合作 & 交流。"]),
        .init(number: 7, place: "法國巴黎市", slug: "ba-li-shi", role: "副市長", honorific: "Mr.", name: "Jean Dupont", shape: "P", points: 0,
              contains: ["自行車道已達 1,000 公里。"]),
    ]

    @Test func crlfFileWithItsOwnHeader() throws {
        let bytes = try InputFile.read(Repository.summit2022)
        #expect(bytes.contains(0x0D), "the fixture must keep its CRLF line ends")
        #expect(result.summit.title == "2022 首長高峰會")
        #expect(result.summit.date == "2022-09-15")
        #expect(result.summit.speakers.count == 7)
    }

    @Test(arguments: expected)
    func speakerFieldByField(_ expected: ExpectedSpeaker) throws {
        try expected.check(in: result.summit)
    }

    @Test func unknownPlacesImportWithOneWarningThatSaysHowToAddThem() throws {
        let placeWarnings = result.warnings.filter { $0.message.contains("not in") }
        #expect(placeWarnings.count == 1)
        let warning = try #require(placeWarnings.first)
        #expect(warning.message.hasPrefix("6 place(s) not in"))
        #expect(warning.message.contains("高雄市"))
        #expect(warning.hint?.contains("- slug: gao-xiong-shi") == true)
        let paris = try #require(result.summit.place("ba-li-shi"))
        #expect(paris.country.iso == "FR", "a known country prefix gives the country")
        #expect(paris.curated == false)
        #expect(result.summit.place("taipei")?.curated == true)
    }
}

@Suite("Speaker cells")
struct SpeakerCellTests {
    @Test(arguments: [
        ("臺北市 市長 柯文哲", SpeakerCell(place: "臺北市", role: "市長", honorific: nil, name: "柯文哲")),
        ("臺北市市長 柯文哲", SpeakerCell(place: "臺北市", role: "市長", honorific: nil, name: "柯文哲")),
        ("南非茨瓦內市行政市長 Mr Randall Williams", SpeakerCell(place: "南非茨瓦內市", role: "行政市長", honorific: "Mr.", name: "Randall Williams")),
        ("荷蘭在台辦事處 副代表", SpeakerCell(place: "荷蘭在台辦事處", role: "副代表", honorific: nil, name: "")),
        ("New York City 市長 Dr. Jane Roe", SpeakerCell(place: "New York City", role: "市長", honorific: "Dr.", name: "Jane Roe")),
    ])
    func splitsPlaceRoleAndName(_ text: String, _ expected: SpeakerCell) {
        #expect(SpeakerCell.parse(text, roles: ImportFixtures.roles).cell == expected)
    }
}
