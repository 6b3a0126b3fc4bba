import CPangoCairo
import Foundation
import ReportRender
import ReportTestSupport
import Testing

/// The finishing step on the kind of PDF the painter writes: a tagged Cairo PDF whose page
/// furniture is drawn outside every structure element. After it, both checkers must find
/// nothing, and no pixel may have moved.
@Suite("Finishing a tagged Cairo PDF for PDF/UA-1 and PDF/A-2u")
struct PDFFinisherTests {
    /// The structure elements in the order their tags are begun (which must be the preorder
    /// of the structure tree: the finisher's element indices count in that order).
    static let tagOrder = ["Document", "H1", "TOC", "TOCI", "Link", "Table", "TR", "TH", "TH", "TR", "TD", "TD", "Figure",
                           "L", "LI", "Lbl", "LBody", "P", "P", "H1"]
    static let title = "2021 首長高峰會 城市比較簡報"
    static let date = "2021-03-23T00:00:00+08:00"

    static var finishing: PDFFinishing {
        PDFFinishing(language: "zh-TW", title: title, subject: "智慧城市首長高峰會談話摘要的城市比較", author: "臺北市政府",
                     creator: "report", keywords: ["智慧城市", "首長高峰會"], date: date,
                     elements: [4: StructureAttributes(linkContents: "前往：臺北市 市長（第 2 頁）"),
                                7: StructureAttributes(scope: .column), 8: StructureAttributes(scope: .column),
                                12: StructureAttributes(alt: "色階圖例：淺色為 0 次，深色為 5 次以上"),
                                17: StructureAttributes(language: "en")])
    }

    /// Two A4 pages: a heading, contents with a link, a table with header cells, a figure, a
    /// list, an English paragraph, a paragraph across the page break and a heading on page 2;
    /// a header rule, a logo and a footer on each page outside all tags, a panel fill inside Document.
    static func cairoPDF(in folder: String) throws -> [UInt8] {
        let path = folder + "/cairo.pdf"
        guard let surface = cairo_pdf_surface_create(path, 595, 842), let cr = cairo_create(surface) else {
            throw RenderError("no Cairo surface")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        func text(_ string: String, _ x: Double, _ y: Double, size: Double = 11) {
            guard let layout = pango_cairo_create_layout(cr) else { return }
            let context = pango_layout_get_context(layout)
            pango_cairo_context_set_resolution(context, 72)
            pango_context_set_language(context, pango_language_from_string("zh-tw"))
            let font = pango_font_description_from_string("Noto Sans CJK TC \(size)")
            pango_layout_set_font_description(layout, font)
            pango_font_description_free(font)
            pango_layout_context_changed(layout)
            pango_layout_set_text(layout, string, -1)
            cairo_move_to(cr, x, y)
            pango_cairo_show_layout(cr, layout)
            g_object_unref(UnsafeMutableRawPointer(layout))
        }
        func tag(_ name: String, _ attributes: String? = nil, _ body: () -> Void) {
            cairo_tag_begin(cr, name, attributes)
            body()
            cairo_tag_end(cr, name)
        }
        // An image, painted as a logo in the header (furniture) and in the figure: Cairo names
        // it twice in the page's /XObject and asks for /Interpolate, which PDF/A forbids.
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4)
        defer { cairo_surface_destroy(image) }
        if let painter = cairo_create(image) {
            cairo_set_source_rgb(painter, 0.2, 0.6, 0.3)
            cairo_paint(painter)
            cairo_destroy(painter)
        }
        func paintImage(_ x: Double, _ y: Double) {
            cairo_save(cr)
            cairo_set_source_surface(cr, image, x, y)
            cairo_paint(cr)
            cairo_restore(cr)
        }
        func furniture(page: Int) {
            paintImage(540, 30)
            cairo_set_source_rgb(cr, 0.5, 0.5, 0.5)
            cairo_set_line_width(cr, 0.5)
            cairo_move_to(cr, 50, 40)
            cairo_line_to(cr, 545, 40)
            cairo_stroke(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            text("第 \(page) 頁，共 2 頁", 260, 800, size: 9)
        }
        furniture(page: 1)
        cairo_tag_begin(cr, "Document", nil)
        tag("H1") { text(title, 50, 60, size: 18) }
        tag("TOC") { tag("TOCI") { tag("Link", "rect=[50 100 300 16] dest='speaker-1'") { text("臺北市 市長 柯文哲", 50, 100) } } }
        cairo_set_source_rgb(cr, 0.9, 0.92, 1)
        cairo_rectangle(cr, 45, 150, 505, 60)
        cairo_fill(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        tag("Table") {
            tag("TR") {
                tag("TH") { text("城市", 50, 155) }
                tag("TH") { text("主題", 200, 155) }
            }
            tag("TR") {
                tag("TD") { text("臺北市", 50, 180) }
                tag("TD") { text("智慧交通", 200, 180) }
            }
        }
        tag("Figure") {
            cairo_set_source_rgb(cr, 0.2, 0.4, 0.8)
            cairo_rectangle(cr, 50, 220, 40, 10)
            cairo_fill(cr)
            paintImage(95, 220)
            cairo_set_source_rgb(cr, 0, 0, 0)
        }
        tag("L") {
            tag("LI") {
                tag("Lbl") { text("1.", 50, 240) }
                tag("LBody") { text("布拉格市 Jiří Sniže 談數位孿生", 70, 240) }
            }
        }
        tag("P") { text("Smart mobility and open data.", 50, 270) }
        cairo_tag_begin(cr, "P", nil)
        text("這一段從第一頁的底部開始，", 50, 760)
        cairo_show_page(cr)
        // On the next page Cairo reopens the paragraph's marked content at once: the page's
        // furniture is drawn once the paragraph has ended, so that it stays outside every tag.
        text("在第二頁結束。", 50, 60)
        cairo_tag_end(cr, "P")
        cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='speaker-1' x=50 y=100")
        cairo_tag_end(cr, CAIRO_TAG_DEST)
        tag("H1") { text("臺北市", 50, 100, size: 16) }
        cairo_tag_end(cr, "Document")
        furniture(page: 2)
        cairo_show_page(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError("Cairo: \(String(cString: cairo_status_to_string(status)))") }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The Cairo PDF and the finished one, written to a fresh folder.
    static func files() throws -> (folder: String, cairo: String, finished: String) {
        let folder = Repository.temporaryFolder("finisher")
        let cairo = try cairoPDF(in: folder)
        let finished = try PDFFinisher.finish(cairo, finishing)
        try Data(finished).write(to: URL(fileURLWithPath: folder + "/finished.pdf"))
        return (folder, folder + "/cairo.pdf", folder + "/finished.pdf")
    }

    @Test func cairoWritesTheStructureTreeInTheOrderTagsBegin() throws {
        let (folder, cairo, _) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try QPDFObjects(cairo).structureElements.map { ($0["/S"] as? String ?? "?").dropFirst() }.map(String.init)
        #expect(names == Self.tagOrder)
    }

    @Test func bothCheckersFindNothing() throws {
        let (folder, cairo, finished) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = try ToolRun.run("qpdf", ["--check", finished])
        #expect(check.status == 0 && !check.stdout.contains("WARNING"), "qpdf --check: \(check.stdout) \(check.stderr)")
        for profile in [PDFCheckers.Profile.pdfUA1, .pdfA2u] {
            #expect(try PDFCheckers.pageValidation(cairo, profile: profile).count > 0, "the Cairo PDF alone does not pass \(profile)")
            let failures = try PDFCheckers.pageValidation(finished, profile: profile)
            #expect(failures.isEmpty, "page-validation \(profile.rawValue): \(failures)")
        }
        let outloud = try PDFCheckers.outloud(finished)
        #expect(outloud.errors == 0 && outloud.warnings == 0, "outloud: \(outloud.findings)")
    }

    @Test func untaggedContentBecomesArtifacts() throws {
        let (folder, cairo, finished) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try PDFCheckers.untaggedContent(cairo)
        #expect(before.contains("page 1: m at depth 0") && before.contains("page 1: re at depth 0") && before.contains("page 1: Do at depth 0") &&
                before.contains("page 2: TJ at depth 0"), "the rules, the panel and the footers are untagged in Cairo's file: \(before)")
        #expect(try PDFCheckers.untaggedContent(finished) == [])
    }

    @Test func catalogMetadataAndAnnotations() throws {
        let (folder, _, finished) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = try QPDFObjects(finished)
        let catalog = pdf.catalog
        #expect(QPDFObjects.text(catalog["/Lang"]) == "zh-TW")
        #expect(pdf.dictionary(catalog["/ViewerPreferences"])?["/DisplayDocTitle"] as? Bool == true)
        #expect(pdf.dictionary(catalog["/MarkInfo"])?["/Marked"] as? Bool == true)
        let intent = pdf.array(catalog["/OutputIntents"]).first.flatMap(pdf.dictionary)
        #expect(intent?["/S"] as? String == "/GTS_PDFA1" && pdf.dictionary(intent?["/DestOutputProfile"])?["/N"] as? Int == 3)

        let xmp = String(decoding: try pdf.streamData(catalog["/Metadata"]), as: UTF8.self)
        #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">\(Self.title)</rdf:li>"))
        #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("<pdfaid:part>2</pdfaid:part>"))
        #expect(xmp.contains("<xmp:CreateDate>\(Self.date)</xmp:CreateDate>"))
        let info = pdf.dictionary(pdf.trailer["/Info"]) ?? [:]
        #expect(QPDFObjects.text(info["/Title"]) == Self.title)
        #expect(QPDFObjects.text(info["/CreationDate"]) == "D:20210323000000+08'00'")
        #expect(QPDFObjects.text(info["/Keywords"]) == "智慧城市, 首長高峰會")
        #expect((pdf.trailer["/ID"] as? [Any])?.count == 2)

        var annotations = 0
        for page in pdf.pages {
            let annots = pdf.array(page["/Annots"])
            if !annots.isEmpty { #expect(page["/Tabs"] as? String == "/S") }
            for annotation in annots.compactMap(pdf.dictionary) {
                annotations += 1
                #expect(annotation["/F"] as? Int == 4)
                #expect(QPDFObjects.text(annotation["/Contents"]) == "前往：臺北市 市長（第 2 頁）")
            }
        }
        #expect(annotations == 1)
    }

    @Test func structureAttributesLandOnTheirElements() throws {
        let (folder, _, finished) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = try QPDFObjects(finished)
        let elements = pdf.structureElements
        try #require(elements.count == Self.tagOrder.count)
        for index in [7, 8] {
            let attributes = pdf.dictionary(elements[index]["/A"])
            #expect(elements[index]["/S"] as? String == "/TH" && attributes?["/O"] as? String == "/Table" &&
                    attributes?["/Scope"] as? String == "/Column")
        }
        #expect(QPDFObjects.text(elements[12]["/Alt"]) == "色階圖例：淺色為 0 次，深色為 5 次以上")
        #expect(QPDFObjects.text(elements[17]["/Lang"]) == "en")
        #expect(elements.enumerated().allSatisfy { [7, 8, 12, 17].contains($0.offset) || ($0.element["/A"] == nil && $0.element["/Lang"] == nil) })
        let fonts = pdf.pages.flatMap { page -> [Any] in Array((pdf.dictionary(pdf.dictionary(page["/Resources"])?["/Font"]) ?? [:]).values) }
        let descendants = fonts.compactMap(pdf.dictionary).flatMap { font -> [Any] in pdf.array(font["/DescendantFonts"]) }.compactMap(pdf.dictionary)
        let trueType = descendants.filter { $0["/Subtype"] as? String == "/CIDFontType2" }
        #expect(!trueType.isEmpty && trueType.allSatisfy { $0["/CIDToGIDMap"] as? String == "/Identity" })
    }

    /// `/CIDToGIDMap /Identity` is only right if Cairo's TrueType subsets number glyphs by CID:
    /// every width in `/W` must be the advance of the glyph with that id in the embedded font.
    @Test func trueTypeSubsetsAreNumberedByCID() throws {
        let (folder, _, finished) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
        import io, sys
        from fontTools.ttLib import TTFont
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdftypes import resolve1
        doc = PDFDocument(PDFParser(open(sys.argv[1], 'rb')))
        checked = 0
        for xref in doc.xrefs:
            for objid in xref.get_objids():
                try:
                    obj = resolve1(doc.getobj(objid))
                except Exception:
                    continue
                if not isinstance(obj, dict) or getattr(obj.get('Subtype'), 'name', None) != 'CIDFontType2':
                    continue
                font = TTFont(io.BytesIO(resolve1(resolve1(obj['FontDescriptor'])['FontFile2']).get_data()))
                upem, order, hmtx = font['head'].unitsPerEm, font.getGlyphOrder(), font['hmtx']
                w = resolve1(obj.get('W', []))
                i = 0
                while i < len(w):
                    first = w[i]
                    if isinstance(resolve1(w[i + 1]), list):
                        widths = resolve1(w[i + 1]); i += 2
                    else:
                        widths = [w[i + 2]] * (w[i + 1] - first + 1); i += 3
                    for cid, width in enumerate(widths, first):
                        advance = hmtx[order[cid]][0] * 1000 / upem
                        if abs(advance - width) > 1:
                            print('CID %d: /W %s, glyph %d advance %.1f' % (cid, width, cid, advance))
                        checked += 1
        print('checked', checked)
        """
        let run = try ToolRun.run(PDFCheckers.python, ["-c", script, finished])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("checked ") && lines[0] != "checked 0", "\(run.stdout)")
    }

    @Test func sameInputSameBytesAndSamePixels() throws {
        let (folder, cairo, finished) = try Self.files()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cairo))
        #expect(try PDFFinisher.finish(Array(bytes), Self.finishing) == Array(try Data(contentsOf: URL(fileURLWithPath: finished))))
        for (file, prefix) in [(cairo, "before"), (finished, "after")] {
            let run = try ToolRun.run("pdftoppm", ["-r", "70", "-png", file, folder + "/" + prefix])
            #expect(run.status == 0, "pdftoppm: \(run.stderr)")
        }
        for page in 1...2 {
            let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/before-\(page).png"))
            let after = try Data(contentsOf: URL(fileURLWithPath: folder + "/after-\(page).png"))
            #expect(before == after, "page \(page) looks different after finishing")
        }
    }

    @Test func aMissingColourProfileNamesItsPackage() throws {
        var finishing = Self.finishing
        finishing.colorProfile = "/nonexistent/sRGB.icc"
        let folder = Repository.temporaryFolder("finisher")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try PDFFinisher.finish(try Self.cairoPDF(in: folder), finishing)
        } throws: { error in
            "\(error)".contains("icc-profiles-free") && "\(error)".contains("/nonexistent/sRGB.icc")
        }
    }
}
