import SummitModel

/// A summit with its analysis: the unit that briefs and CSV files over several summits
/// are made of, so that every speaker's scores come from the summit it spoke at.
public struct AnalysedSummit: Sendable {
    public var summit: Summit
    public var analysis: SummitAnalysis

    public init(summit: Summit, analysis: SummitAnalysis) {
        self.summit = summit
        self.analysis = analysis
    }
}
