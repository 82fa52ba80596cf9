import DoormanHTTP

/// The page a list route returns, from the query parameters `page` (default 1) and `per` (default 10, maximum 50).
struct PageRequest: Sendable, Equatable {
    /// The largest `per` accepted.
    static let maximumPerPage = 50

    /// The 1-based page number.
    var page = 1
    /// Items per page, 1 to `maximumPerPage`.
    var perPage = 10

    /// Reads `page` and `per` from `query`. An absent or empty parameter keeps its default.
    ///
    /// - Throws: `APIFailure` 400 when a parameter is repeated, is not a whole number, or is out of range.
    static func parse(_ query: URLEncodedForm) throws(APIFailure) -> PageRequest {
        var request = PageRequest()
        if let page = try APIQuery.singleValue("page", in: query) {
            guard let number = Int(page), number >= 1 else {
                throw .badRequest("page must be a whole number of 1 or more, got \(APIQuery.excerpt(page)).")
            }
            request.page = number
        }
        if let per = try APIQuery.singleValue("per", in: query) {
            guard let number = Int(per), (1...maximumPerPage).contains(number) else {
                throw .badRequest(
                    "per must be a whole number from 1 to \(maximumPerPage), got \(APIQuery.excerpt(per)).")
            }
            request.perPage = number
        }
        return request
    }

    /// Returns the items of this page out of `items`, and the pagination object that describes it.
    ///
    /// A page past the last one is empty; its `prev_page` still points one page back.
    func slice<Item>(_ items: [Item]) -> (items: ArraySlice<Item>, pagination: Pagination) {
        let totalPages = (items.count + perPage - 1) / perPage
        let pagination = Pagination(
            currentPage: page, totalPages: totalPages, nextPage: page < totalPages ? page + 1 : nil,
            previousPage: page > 1 ? page - 1 : nil, totalCount: items.count)

        // A huge page number must not overflow the offset.
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        guard !overflow, offset < items.count else {
            return (items[items.endIndex...], pagination)
        }
        return (items[offset..<min(offset + perPage, items.count)], pagination)
    }
}

/// The `pagination` object of a list response.
struct Pagination: Sendable, Equatable {
    /// `current_page`: the page returned.
    var currentPage: Int
    /// `total_pages`: pages in all, 0 when there are no items.
    var totalPages: Int
    /// `next_page`: the following page, or nil on the last page.
    var nextPage: Int?
    /// `prev_page`: the preceding page, or nil on the first page.
    var previousPage: Int?
    /// `total_count`: items on all pages.
    var totalCount: Int
}

extension APIJSONWriter {
    /// Writes the `pagination` member and its object, keys in the order of Whop's v5 API.
    mutating func pagination(_ pagination: Pagination) {
        key("pagination")
        beginObject()
        key("current_page")
        integer(Int64(pagination.currentPage))
        key("total_pages")
        integer(Int64(pagination.totalPages))
        key("next_page")
        integer(pagination.nextPage.map(Int64.init))
        key("prev_page")
        integer(pagination.previousPage.map(Int64.init))
        key("total_count")
        integer(Int64(pagination.totalCount))
        endObject()
    }
}

/// Helpers for reading the query parameters of API routes.
enum APIQuery {
    /// Returns the value of `name`, or nil when it is absent or empty.
    ///
    /// - Throws: `APIFailure` 400 when `name` has more than one non-empty value, because it is unclear which one
    ///   the client meant.
    static func singleValue(_ name: String, in query: URLEncodedForm) throws(APIFailure) -> String? {
        let values = query.values(name).filter { !$0.isEmpty }
        guard values.count <= 1 else {
            throw .badRequest("\(name) was sent more than once; send it once.")
        }
        return values.first
    }

    /// Returns `value` quoted and escaped for a message, cut after 40 Unicode scalars so that a long query cannot
    /// inflate the response. The cut counts scalars because one `Character` can hold any number of combining marks.
    static func excerpt(_ value: String) -> String {
        let maximumScalars = 40
        guard value.unicodeScalars.count > maximumScalars else {
            return String(reflecting: value)
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.prefix(maximumScalars))
        return String(reflecting: String(scalars) + "…")
    }
}
