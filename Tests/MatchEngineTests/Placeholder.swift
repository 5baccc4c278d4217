import Testing

@testable import MatchEngine
