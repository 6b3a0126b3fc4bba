// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "report",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "report", targets: ["report"]),
        .library(name: "ReportKit", targets: ["ReportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Cairo, cairo-pdf, Pango and pangocairo from the system (Debian: libcairo2-dev libpango1.0-dev).
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // The PDF finishing step in C++ over libqpdf (Debian: libqpdf-dev), behind a plain C header.
        .target(name: "CPDFFinish", linkerSettings: [.linkedLibrary("qpdf"), .linkedLibrary("z")]),
        // libxlsxwriter from the system (Debian: libxlsxwriter-dev), for the workbook of `report xlsx`.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Where input went wrong (file, line, column), warnings, and YAML read with line numbers.
        .target(name: "InputSupport", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Value types, the summit-file importer and the curated data files.
        .target(name: "SummitModel", dependencies: ["InputSupport"]),
        // Theme scores with evidence, key figures, place similarity.
        .target(name: "SummitAnalysis", dependencies: ["SummitModel"]),
        // Style sheets: paper, margins, fonts, sizes, colours, heatmap scale.
        .target(name: "ReportStyle", dependencies: ["InputSupport"]),
        // Document blocks -> pages of positioned items. Knows nothing of Cairo.
        .target(name: "ReportLayout", dependencies: ["ReportStyle"]),
        // The only module that talks to Cairo and Pango: the shaper and the PDF painter.
        .target(name: "ReportRender", dependencies: ["CPangoCairo", "CPDFFinish", "InputSupport", "ReportLayout", "ReportStyle"]),
        // CSV files and the xlsx workbook for spreadsheets.
        .target(name: "ReportExport", dependencies: ["SummitModel", "SummitAnalysis", "CXLSXWriter"]),
        // The facade the command line calls.
        .target(
            name: "ReportKit",
            dependencies: ["SummitModel", "SummitAnalysis", "ReportStyle", "ReportLayout", "ReportRender", "ReportExport"]
        ),
        // libFuzzer target for the importer (make fuzz); without -DFUZZING it replays files.
        .executableTarget(name: "ImporterFuzz", dependencies: ["SummitModel"]),
        .executableTarget(
            name: "report",
            dependencies: ["ReportKit", "SummitAnalysis", "SummitModel", "InputSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Paths of the repository's data and fixtures, and running external tools, for all tests.
        .target(name: "ReportTestSupport", dependencies: ["ReportLayout"], path: "Tests/ReportTestSupport"),
        .testTarget(name: "SummitModelTests", dependencies: ["SummitModel", "InputSupport", "ReportTestSupport"]),
        .testTarget(name: "SummitAnalysisTests", dependencies: ["SummitAnalysis", "ReportTestSupport"]),
        .testTarget(name: "ReportLayoutTests", dependencies: ["ReportLayout", "ReportStyle", "ReportTestSupport"]),
        .testTarget(
            name: "ReportExportTests",
            dependencies: ["ReportExport", "ReportTestSupport", .product(name: "CSV", package: "CSV.swift")]
        ),
        .testTarget(name: "ReportRenderTests", dependencies: ["ReportRender", "ReportLayout", "ReportStyle", "CPangoCairo", "ReportTestSupport"]),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "report", "ReportTestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
