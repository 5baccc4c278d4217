import Foundation

/// One page of a list already in memory. A page past the end shows the last one and a page before the
/// first shows the first, so a stale link never lands on an empty page.
public struct ListPage<Item> {
    public var items: ArraySlice<Item>
    /// 1-based, within 1...pageCount.
    public var number: Int
    public var pageCount: Int
    public var total: Int

    public init(_ all: [Item], page requested: Int, perPage: Int) {
        self.total = all.count
        self.pageCount = max(1, (all.count + perPage - 1) / perPage)
        self.number = min(max(1, requested), self.pageCount)
        self.items = all.dropFirst((self.number - 1) * perPage).prefix(perPage)
    }
}
