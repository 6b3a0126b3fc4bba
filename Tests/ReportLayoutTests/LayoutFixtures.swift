import ReportLayout
import ReportTestSupport
import ReportStyle

/// Small documents and a style for layout tests.
enum LayoutFixtures {
    static let style = StyleSheet.standard
    static let text = TextStyle(font: FontSpec(family: "Test", size: 10), color: .black)
    static let bold = TextStyle(font: FontSpec(family: "Test", bold: true, size: 10), color: .black)
    static let body = ParagraphStyle(alignment: .justified, lineHeight: 17, spaceBefore: 6)

    static func paragraph(_ text: String, _ style: ParagraphStyle = body) -> Block {
        .paragraph(Paragraph(RichText(text, Self.text), style))
    }

    static func heading(_ text: String) -> Block {
        .heading(Paragraph(RichText(text, bold), ParagraphStyle(alignment: .left, lineHeight: 20, spaceBefore: 12, keepWithNext: true)))
    }

    static var furniture: PageFurniture {
        PageFurniture(headerLeft: RichText("Header", text), headerRight: RichText("Section", text), ruleColor: .black,
                      footerFormat: "第 {page} 頁，共 {pages} 頁", footerStyle: text)
    }

    static func layout(_ sections: [Section], outline: [OutlineEntry] = [], style: StyleSheet = style) throws -> LaidOutDocument {
        let metadata = DocumentMetadata(title: "t", subject: "s", keywords: [], author: "a", creator: "c", date: "2021-03-23T00:00:00+00:00", language: "zh-TW")
        return try LayoutEngine(style: style, shaper: FakeShaper()).layout(Document(sections: sections, outline: outline, metadata: metadata))
    }

    /// Chinese text of `count` characters with punctuation every few characters.
    static func chinese(_ count: Int) -> String {
        let words = Array("智慧城市推動數位轉型市民服務開放資料公私協力防疫措施教育校園交通運輸")
        var result = ""
        for index in 0..<count {
            result.append(words[index % words.count])
            if index % 9 == 8 { result.append("，") }
        }
        return result + "。"
    }
}
