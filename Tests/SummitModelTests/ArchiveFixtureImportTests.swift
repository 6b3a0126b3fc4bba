import Testing
import InputSupport
import ReportTestSupport
@testable import SummitModel

/// Next year's file as it really comes: three fixtures in the forms extraction tools and
/// editors produce, pinned field by field.
@Suite("Importing summit files as other tools save them")
struct ArchiveFixtureImportTests {
    static func importFixture(_ name: String, encoding: SummitEncoding? = nil) throws -> ImportResult {
        var importer = ImportFixtures.importer
        importer.encoding = encoding
        return try importer.importFile(Repository.fixture(name))
    }

    static let expected2023: [ExpectedSpeaker] = [
        .init(number: 1, place: "臺北市", slug: "taipei", role: "市長", honorific: nil, name: "蔣萬安", shape: "P L1-2", points: 2,
              contains: ["臺北市以智慧交通與開放資料為主軸：", "每日 API 呼叫 120 萬次。", "減少 15% 繞行車流。"]),
        .init(number: 2, place: "捷克布拉格市", slug: "prague", role: "市長", honorific: "Mr.", name: "Bohuslav Svoboda", shape: "P P", points: 0,
              contains: ["整合交通與能源資料，並開放給市民與企業使用。", "投入 2,000 萬歐元，目標減碳 30%。"]),
        .init(number: 3, place: "南韓大邱市", slug: "daegu", role: "市長", honorific: "Mr.", name: "Hong Joon-pyo", shape: "P L1-3", points: 3,
              contains: ["遠距醫療服務 30 家診所。", "機器人產業園區吸引 120 家企業。"]),
        .init(number: 4, place: "匈牙利布達佩斯市", slug: "budapest", role: "副市長", honorific: "Mr.", name: "Gábor Kerpel-Fronius", shape: "P",
              points: 0, contains: ["參與式預算每年 10 億福林，市民可在線上服務平台提案與投票。"]),
        .init(number: 5, place: "英國西英格蘭區", slug: "west-of-england", role: "市長", honorific: "Mr.", name: "Dan Norris", shape: "P", points: 0,
              contains: ["規劃 1.5 億英鎊的公車路網更新。"]),
    ]

    static let expected2024: [ExpectedSpeaker] = [
        .init(number: 1, place: "臺北市", slug: "taipei", role: "副市長", honorific: nil, name: "李四端", shape: "P P", points: 0,
              contains: ["臺北市推動淨零城市，智慧電表普及至 40 萬戶。", "台北通會員超過 300 萬人，整合市民服務。"]),
        .init(number: 2, place: "捷克布拉格市", slug: "prague", role: "市長", honorific: "Mr.", name: "Bohuslav Svoboda", shape: "P L1-3", points: 3,
              contains: ["布拉格的三項重點：", "開放數據平台擴大至 400 個資料集。", "防疫經驗轉為城市韌性計畫。"]),
        .init(number: 3, place: "南韓大邱市", slug: "daegu", role: "市長", honorific: "Mr.", name: "Hong Joon-pyo", shape: "P", points: 0,
              contains: ["大邱以 AI 與數據推動智慧醫療，投入 500 億韓元。"]),
        .init(number: 4, place: "法國史特拉斯堡大都會區", slug: "strasbourg", role: "副主席", honorific: "Ms.", name: "Anne-Marie JEAN", shape: "P",
              points: 0, contains: ["史特拉斯堡以自行車道與低碳交通為重點，自行車道已達 600 公里。"]),
    ]

    static let expected2025: [ExpectedSpeaker] = [
        .init(number: 1, place: "臺北市", slug: "taipei", role: "市長", honorific: nil, name: "蔣萬安", shape: "P", points: 0,
              contains: ["臺北市推動 AI 城市治理 與數位轉型，市民服務案件處理時間縮短 40%。"]),
        .init(number: 2, place: "英國西英格蘭區", slug: "west-of-england", role: "市長", honorific: "Mr.", name: "Dan Norris", shape: "P L1-2",
              points: 2, contains: ["西英格蘭區以綠能與 5G 聯網為主：", "離岸風力 & 太陽能。", "5G 網路覆蓋 95% 人口。"]),
        .init(number: 3, place: "匈牙利布達佩斯市", slug: "budapest", role: "副市長", honorific: "Mr.", name: "Gábor Kerpel-Fronius", shape: "P",
              points: 0, contains: ["布達佩斯延續參與式預算，並以開放資料公開預算執行。"]),
    ]

    static func check(_ result: ImportResult, _ expected: [ExpectedSpeaker]) throws {
        #expect(result.summit.speakers.map(\.number) == expected.map(\.number))
        for expected in expected {
            try expected.check(in: result.summit)
            let speaker = try #require(result.summit.speakers.first { $0.number == expected.number })
            for field in [speaker.placeAsWritten, speaker.role, speaker.name] + speaker.summary.units.map(\.text) {
                #expect(!field.contains("<") && !field.contains("&nbsp;") && !field.contains("談話內容摘要") && !field.contains("頁"), "\(field)")
                #expect(!field.unicodeScalars.contains { $0.value < 0x20 }, "control character in \(field)")
            }
        }
    }

    @Test func pdftotextFormWithFormFeedsPageNumbersFullWidthNumbersAndLostTabs() throws {
        let bytes = try InputFile.read(Repository.fixture("summit-2023-05-10.txt"))
        #expect(bytes.contains(0x0C), "the fixture keeps pdftotext's form feeds")
        let result = try Self.importFixture("summit-2023-05-10.txt")
        #expect(result.summit.title == "2023 首長高峰會")
        #expect(result.summit.date == "2023-05-10")
        #expect(result.encoding.encoding == .utf8)
        try Self.check(result, Self.expected2023)
        // Line numbers are those an editor shows: a form feed at a line's start is no line of its own.
        #expect(result.summit.speakers.map(\.line) == [4, 5, 11, 17, 19])
        // Each continuation that lost a tab is named by its line, and nothing else is odd.
        let lost = result.warnings.filter { $0.message.contains("read as the continuation of row") }
        #expect(lost.map { $0.location?.line } == [10, 12, 18])
        #expect(lost[0].message.contains("line 10 has 2 cells, not 3") && lost[0].message.contains("row 2's summary"))
        #expect(lost[1].message.contains("line 12 has no tab"))
        #expect(result.warnings.count == 3, "\(result.warnings)")
    }

    @Test func notepadCP950WithCRLFSpeakerOnItsOwnLineAndDivSpanBr() throws {
        let bytes = try InputFile.read(Repository.fixture("summit-2024-04-18.txt"))
        #expect(UTF8Validation.firstInvalidOffset(in: bytes[...]) != nil, "the fixture is not UTF-8")
        #expect(bytes.contains(0x0D))
        let result = try Self.importFixture("summit-2024-04-18.txt")
        #expect(result.encoding.encoding == .cp950)
        #expect(result.encoding.reason.contains("at line 2, column 6 are not UTF-8"), "\(result.encoding.reason)")
        #expect(result.summit.title == "2024 首長高峰會")
        #expect(result.summit.date == "2024-04-18")
        try Self.check(result, Self.expected2024)
        #expect(result.warnings.isEmpty, "a cell on its own line is a layout, not a lost tab: \(result.warnings)")
        #expect(result.summit.speakers.map(\.line) == [5, 6, 12, 15])
    }

    @Test func utf16WithBOMEntitiesNestedDivsAndATablessContinuation() throws {
        let result = try Self.importFixture("summit-2025-03-20.txt")
        #expect(result.encoding == EncodingDecision(encoding: .utf16LE, reason: "byte-order mark FF FE"))
        #expect(result.summit.date == "2025-03-20")
        try Self.check(result, Self.expected2025)
        #expect(result.warnings.map { $0.location?.line } == [5])
    }

    @Test func theCP950FileReadsAsTheSameTextInUTF8() throws {
        let cp950 = try Self.importFixture("summit-2024-04-18.txt")
        let text = try Self.importFixture("summit-2024-04-18.txt", encoding: .big5HKSCS)
        #expect(text.summit.speakers == cp950.summit.speakers, "Big5-HKSCS is a superset for this text")
        // The same characters written as UTF-8 import to the same speakers.
        var utf8 = ""
        for speaker in cp950.summit.speakers { utf8 += "\(speaker.number)\t\(speaker.placeAsWritten) \(speaker.role) \(speaker.displayName)\t<p>\(speaker.summary.plainText)</p>\n" }
        let again = try ImportFixtures.importText("2024 首長高峰會(4/18)談話內容摘要\n" + utf8)
        #expect(again.summit.speakers.map(\.name) == cp950.summit.speakers.map(\.name))
    }

    @Test func aForcedEncodingIsUsedAndItsFailureSaysLineAndColumn() throws {
        do {
            _ = try Self.importFixture("summit-2024-04-18.txt", encoding: .utf8)
            Issue.record("CP950 bytes were accepted as UTF-8")
        } catch let error as InputError {
            #expect(error.message.contains("not valid UTF-8"))
            #expect(error.location?.line == 2 && error.location?.column == 6, "\(error)")
        }
        do {
            _ = try Self.importFixture("summit-2023-05-10.txt", encoding: .cp950)
            Issue.record("UTF-8 bytes were accepted as CP950")
        } catch let error as InputError {
            #expect(error.message.contains("not valid CP950 (Big5)"), "\(error)")
            #expect(error.location?.line == 1 && error.location?.column == 7, "\(error)")
            #expect(error.hint?.contains("--encoding") == true)
        }
        let forced = try Self.importFixture("summit-2025-03-20.txt", encoding: .utf16BE)
        #expect(forced.encoding.encoding == .utf16LE, "a byte-order mark decides the byte order")
        #expect(forced.encoding.reason == "--encoding utf-16be")
    }

    @Test func bytesThatAreNeitherUTF8NorCP950AreRefusedAtTheFirstBadByte() throws {
        // 0xFF is no lead byte in UTF-8 or in Big5.
        var bytes = Array("2021 首長高峰會(3/23)談話內容摘要\n1\t臺北市 市長 柯文哲\t<p>".utf8)
        bytes += [0xFF, 0xFF] + Array("</p>\n".utf8)
        do {
            _ = try ImportFixtures.importer.importBytes(bytes, file: "bad.txt")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("not valid UTF-8: byte 0xFF"))
            #expect(error.location?.line == 2 && error.location?.column == 17, "\(error)")
            #expect(error.hint?.contains("not CP950 (Big5) either") == true)
        }
    }

    @Test(arguments: [
        ("3", PageNumberLine.Match.bare(3)), ("１２", .bare(12)), ("- 3 -", .decorated), ("— 3 —", .decorated), ("第 3 頁", .decorated),
        ("第3頁，共5頁", .decorated), ("Page 3 of 5", .decorated), ("p. 3", .decorated), ("3/5", .decorated), ("(3)", .decorated),
    ])
    func pageNumberLines(_ text: String, _ expected: PageNumberLine.Match) {
        #expect(PageNumberLine.match(Array(text.unicodeScalars)) == expected)
    }

    @Test(arguments: ["3. 機器人產業", "2021 年", "1+7", "市長", "第 3 頁的內容很多很多很多很多很多很多很多"])
    func textIsNoPageNumber(_ text: String) {
        #expect(PageNumberLine.match(Array(text.unicodeScalars)) == nil)
    }

    @Test func aRowNumberAloneOnItsLineStartsTheRowUnlessAPageBreakFollows() throws {
        let header = "2021 首長高峰會(3/23)談話內容摘要"
        let text = "\(header)\n1\t臺北市 市長 柯文哲\t<p>第一段，\n\n7\n\u{0C}\(header)\n\t\t接著說。</p>\n2\n捷克布拉格市 市長 Mr. Zdeněk Hřib\n<p>開放資料。</p>\n"
        let result = try ImportFixtures.importText(text)
        #expect(result.summit.speakers.map(\.name) == ["柯文哲", "Zdeněk Hřib"])
        #expect(result.summit.speakers[0].summary.plainText == "第一段，接著說。")
        #expect(result.summit.speakers[1].line == 7, "the row starts at its number")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func aLineBreakTagEndsAParagraphOnlyAfterASentence() throws {
        let text = "2021 首長高峰會(3/23)談話內容摘要\n1\t臺北市 市長 柯文哲\t<p>智慧交通，<br>智慧醫療。<br/>Open <BR>data.<br>下一段。</p>\n"
        let summary = try ImportFixtures.importText(text).summit.speakers[0].summary
        #expect(summary.blocks.count == 3)
        #expect(summary.units.map(\.text) == ["智慧交通，智慧醫療。", "Open data.", "下一段。"])
    }
}
