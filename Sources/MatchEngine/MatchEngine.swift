/// The matching algorithms; see `DeferredAcceptance`.
public enum MatchEngine {}
