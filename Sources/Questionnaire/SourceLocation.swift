/// Where a value stood in the questionnaire: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// The location of every key and value of a decoded questionnaire, by key path
/// (`environments.staging.size`, `instances[1].name`). A key path's entry is where its value
/// starts; `keyLocations` holds where the key itself was written.
public struct SourceMap: Sendable, Equatable {
    public var values: [String: SourceLocation] = [:]
    public var keys: [String: SourceLocation] = [:]
    public init() {}

    /// The value's location, else its key's, else its nearest ancestor's.
    public func location(of path: String) -> SourceLocation? {
        var candidate = path
        while true {
            if let found = values[candidate] ?? keys[candidate] { return found }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            candidate = String(candidate[..<cut])
        }
    }
}
