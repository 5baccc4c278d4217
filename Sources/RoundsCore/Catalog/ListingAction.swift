/// What a host can do to an opportunity's listing: publish it (it must have a session still open) or
/// archive it (out of the catalog; applications already made go on).
public enum ListingAction: String, CaseIterable, Sendable {
    case publish, archive

    public var status: OpportunityStatus { self == .publish ? .published : .archived }
}
