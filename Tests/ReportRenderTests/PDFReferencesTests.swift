import Testing
@testable import ReportRender
import ReportLayout

@Suite("Indirect references in PDF objects")
struct PDFReferencesTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func findsReferencesButNotLookalikes() {
        let body = bytes("<< /Type /Page % 3 0 R in a comment\n /Parent 1 0 R /Resources 12 0 R /Font << /f-0-0 6 0 R >> "
            + "/Title (not 7 0 R \\) nor 8 0 R) /ID <0A0B> /Rect [ 1.5 2 0 R ] /Name /R1 5 0 R>>")
        #expect(PDFReferences.numbers(in: body) == [1, 12, 6, 2, 5])
    }

    @Test func renumbersEveryReferenceAndNothingElse() {
        let body = bytes("<< /Kids [ 2 0 R 12 0 R ] /Count 2 /Note (2 0 R) >>")
        let renumbered = PDFReferences.renumber(body) { $0 + 100 }
        #expect(renumbered.map { String(decoding: $0, as: UTF8.self) } == "<< /Kids [ 102 0 R 112 0 R ] /Count 2 /Note (2 0 R) >>")
        #expect(PDFReferences.renumber(body) { $0 == 2 ? 3 : nil } == nil, "an unknown object fails the whole rewrite")
    }

    @Test func theMergerRefusesWhatCairoDidNotWrite() {
        let metadata = DocumentMetadata(title: "", subject: "", keywords: [], author: "", creator: "", date: "", language: "")
        let document = LaidOutDocument(pages: [], outline: [], destinations: [:], metadata: metadata)
        #expect(PDFMerger.merge(first: bytes("%PDF-1.5\nnot a pdf"), second: [], secondFrom: 1, document: document) == nil)
        #expect(CairoPDF(bytes("%PDF-1.5\n1 0 obj\n<< >>\nendobj\nstartxref\n999999\n%%EOF")) == nil)
    }
}
