import Yams

/// The cheap first pass of `YAMLDocumentLoader`: parses the text with aliases made harmless and
/// reports syntax errors, every duplicate key (with its key path and both places), more than one
/// document, an empty document, a root that is not a mapping, keys that are not plain scalars and
/// nesting deeper than a questionnaire needs.
struct YAMLStructureCheck {
    var file: String
    var depthLimit: Int

    /// Stands in for `*`: one Unicode scalar (so columns do not move) from the private use area,
    /// which may start a plain scalar. With it no alias is left, so the tree is no bigger than the
    /// text, and an alias used as a key shows up as a plain key starting with it.
    static let aliasStandIn: Unicode.Scalar = "\u{E000}"
    /// Brackets the marker put in front of a duplicate key to parse past it.
    static let duplicateMarker: Unicode.Scalar = "\u{E001}"
    /// Reporting the first few duplicates is plenty; each costs one more parse.
    static let duplicateReportLimit = 20

    /// A marker inserted into the probe text, kept to map later locations back to the original.
    private struct Insertion {
        var line: Int
        var column: Int
        var length: Int
    }

    func problems(in text: String) -> [Diagnostic] {
        var probe = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "*" ? Self.aliasStandIn : $0 }))
        var insertions: [Insertion] = []
        var unplaced: [(key: String, location: SourceLocation)] = []
        var diagnostics: [Diagnostic] = []
        var roots: [Node] = []

        parsing: while true {
            do {
                let parser = try Parser(yaml: probe, resolver: .basic)
                roots = []
                // Two roots are enough to know there is more than one document.
                while roots.count < 2, let root = try parser.nextRoot() { roots.append(root) }
                break parsing
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                // Yams names the duplicates of one mapping in sorted order and marks the first
                // occurrence of the first of them. Mark that occurrence and parse again: the
                // tree then says where the mapping is (its key path) and where the key repeats.
                let location = SourceLocation(line: context.mark.line, column: context.mark.column)
                let key = Self.restoringAliases(keys.first ?? "")
                guard insertions.count < Self.duplicateReportLimit,
                    let insertion = Self.insertMarker(number: insertions.count, into: &probe, at: location)
                else {
                    unplaced.append((key, map(location, back: insertions)))
                    roots = []
                    break parsing
                }
                insertions.append(insertion)
            } catch {
                var diagnostic = YAMLSyntaxProblem.diagnostic(for: error, file: file)
                diagnostic.location = diagnostic.location.map { map($0, back: insertions) }
                diagnostics.append(diagnostic)
                roots = []
                break parsing
            }
        }

        for (key, location) in unplaced {
            diagnostics.append(
                Diagnostic(
                    file: file, location: location, keyPath: "",
                    problem: .duplicateKey(key: key, first: nil, sameLine: false)))
        }
        if roots.count > 1, let mark = roots[1].mark {
            let location = map(SourceLocation(line: mark.line, column: mark.column), back: insertions)
            diagnostics.append(Diagnostic(file: file, location: location, keyPath: "", problem: .multipleDocuments))
        }
        if let root = roots.first {
            var walker = Walker(
                file: file, depthLimit: depthLimit, insertions: insertions.map { ($0.line, $0.column, $0.length) })
            walker.walk(root, path: "", depth: 0)
            if walker.depthExceeded == nil, case .scalar(let scalar) = root {
                let found = YAMLScalar(
                    text: scalar.string, style: scalar.style == .plain ? .plain : .quoted,
                    location: .init(line: 1, column: 1))
                diagnostics.append(
                    Diagnostic(
                        file: file, location: walker.location(root), keyPath: "",
                        problem: found.isNull ? .emptyDocument : .rootNotMapping(found: found.quotedForMessage)))
            } else if case .sequence = root {
                diagnostics.append(
                    Diagnostic(
                        file: file, location: walker.location(root), keyPath: "",
                        problem: .rootNotMapping(found: "a list")))
            }
            diagnostics += walker.diagnostics
        } else if diagnostics.isEmpty {
            diagnostics.append(Diagnostic(file: file, location: nil, keyPath: "", problem: .emptyDocument))
        }
        return diagnostics.sortedByLocation()
    }

    /// Puts `\u{E001}N\u{E001}` in front of the key at `location` (inside its quotes, if quoted).
    private static func insertMarker(number: Int, into probe: inout String, at location: SourceLocation) -> Insertion? {
        var scalars = Array(probe.unicodeScalars)
        var line = 1
        var column = 1
        var index = 0
        while index < scalars.count, line < location.line || (line == location.line && column < location.column) {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        guard index < scalars.count, line == location.line else { return nil }
        var insertColumn = location.column
        if scalars[index] == "\"" || scalars[index] == "'" {
            index += 1
            insertColumn += 1
        }
        let marker = Array("\(duplicateMarker)\(number)\(duplicateMarker)".unicodeScalars)
        scalars.insert(contentsOf: marker, at: index)
        probe = String(String.UnicodeScalarView(scalars))
        return Insertion(line: location.line, column: insertColumn, length: marker.count)
    }

    /// The original text's location for a location in the probe text.
    private func map(_ location: SourceLocation, back insertions: [Insertion]) -> SourceLocation {
        Walker.map(location, back: insertions.map { ($0.line, $0.column, $0.length) })
    }

    static func restoringAliases(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == aliasStandIn ? "*" : $0 }))
    }
}

/// Walks the probe tree (no aliases: linear) for the checks Yams does not do.
private struct Walker {
    var file: String
    var depthLimit: Int
    var insertions: [(line: Int, column: Int, length: Int)]
    var diagnostics: [Diagnostic] = []
    var depthExceeded: SourceLocation?

    mutating func walk(_ node: Node, path: String, depth: Int) {
        guard depth <= depthLimit else {
            if depthExceeded == nil {
                depthExceeded = location(node)
                diagnostics.append(
                    Diagnostic(
                        file: file, location: location(node), keyPath: path, problem: .nestedTooDeep(limit: depthLimit))
                )
            }
            return
        }
        switch node {
        case .mapping(let mapping):
            let pairs = Array(mapping)
            for (index, pair) in pairs.enumerated() {
                guard case .scalar(let key) = pair.key else {
                    diagnostics.append(
                        Diagnostic(file: file, location: location(pair.key), keyPath: path, problem: .complexKey))
                    continue
                }
                if key.style == .plain, key.string.unicodeScalars.first == YAMLStructureCheck.aliasStandIn {
                    diagnostics.append(
                        Diagnostic(file: file, location: location(pair.key), keyPath: path, problem: .complexKey))
                    continue
                }
                let (name, isMarked) = Self.unmarked(key.string)
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if isMarked,
                    let repeated = pairs[(index + 1)...].first(where: {
                        Self.unmarked($0.key.string ?? "").name == name
                    })
                {
                    let first = location(pair.key)
                    let second = location(repeated.key)
                    diagnostics.append(
                        Diagnostic(
                            file: file, location: second, keyPath: childPath,
                            problem: .duplicateKey(key: name, first: first, sameLine: first.line == second.line)))
                }
                walk(pair.value, path: childPath, depth: depth + 1)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                walk(item, path: "\(path)[\(index)]", depth: depth + 1)
            }
        case .scalar, .alias:
            break
        }
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(line: 1, column: 1) }
        return Self.map(SourceLocation(line: mark.line, column: mark.column), back: insertions)
    }

    /// Undoes the insertions, latest first (each was recorded in the text as it was then).
    static func map(_ location: SourceLocation, back insertions: [(line: Int, column: Int, length: Int)])
        -> SourceLocation
    {
        var result = location
        for insertion in insertions.reversed() where insertion.line == result.line && insertion.column < result.column {
            result.column -= insertion.length
        }
        return result
    }

    /// A key without the duplicate marker, and whether it had one; aliases' `*` restored.
    static func unmarked(_ key: String) -> (name: String, isMarked: Bool) {
        let scalars = Array(key.unicodeScalars)
        guard scalars.first == YAMLStructureCheck.duplicateMarker,
            let end = scalars.dropFirst().firstIndex(of: YAMLStructureCheck.duplicateMarker)
        else { return (YAMLStructureCheck.restoringAliases(key), false) }
        let rest = String(String.UnicodeScalarView(scalars[(end + 1)...]))
        return (YAMLStructureCheck.restoringAliases(rest), true)
    }
}

extension Array where Element == Diagnostic {
    /// Document order: by line, then column; diagnostics without a location first, stable otherwise.
    func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let left = lhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let right = rhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
