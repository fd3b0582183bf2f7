import Yams

/// Reads YAML text into a `YAMLNode` tree, refusing what a questionnaire never needs and an
/// attacker might send (SPEC §2): documents over 1 MiB, duplicate keys, more than one document,
/// alias expansion bombs and keys that are not plain scalars.
///
/// Yams keeps an alias as a shared copy of its anchor's node, so composing a "billion laughs"
/// document is cheap; walking it is not. Two things would walk it blindly: Yams' own duplicate
/// key check, which hashes every key (an alias used as a key gets hashed in full), and any walker
/// of ours. So the text is first parsed with every `*` replaced (no aliases left: the tree is as
/// big as the text), which finds syntax errors, duplicate keys and non-scalar keys cheaply; only
/// then is the real document composed, and converted with a budget of visited values.
struct YAMLDocumentLoader: Sendable {
    static let byteLimit = 1 << 20
    /// A real questionnaire has a few hundred values; a bomb has billions.
    static let valueLimit = 20_000
    /// Deeper than any questionnaire needs, and shallow enough for a test thread's stack.
    static let depthLimit = 32

    var file: String

    init(file: String) {
        self.file = file
    }

    /// The root mapping of `text`, or every problem found on the way.
    func load(_ text: String) throws(QuestionnaireError) -> YAMLMapping {
        let bytes = text.utf8.count
        guard bytes <= Self.byteLimit else {
            throw QuestionnaireError([diagnostic(.fileTooLarge(bytes: bytes, limit: Self.byteLimit), at: nil)])
        }
        let structure = YAMLStructureCheck(file: file, depthLimit: Self.depthLimit).problems(in: text)
        guard structure.isEmpty else { throw QuestionnaireError(structure) }

        let root: Node
        do {
            // `Resolver.basic` leaves every plain scalar a string: stamp types values itself, and
            // Yams then compares keys by their text alone (`1` and `"1"` are the same key).
            guard let node = try Parser(yaml: text, resolver: .basic).nextRoot() else {
                throw QuestionnaireError([diagnostic(.emptyDocument, at: nil)])
            }
            root = node
        } catch let error as QuestionnaireError {
            throw error
        } catch {
            // The structure check parsed the same text; this is a safety net, not a path tests reach.
            throw QuestionnaireError([YAMLSyntaxProblem.diagnostic(for: error, file: file)])
        }

        var converter = NodeConverter()
        guard let converted = converter.convert(root, depth: 0) else {
            let location = converter.stoppedAt ?? root.mark.map { SourceLocation(line: $0.line, column: $0.column) }
            throw QuestionnaireError([diagnostic(.tooManyValues(limit: Self.valueLimit), at: location)])
        }
        guard case .mapping(let mapping) = converted else {
            throw QuestionnaireError([
                diagnostic(.rootNotMapping(found: converted.kindDescription), at: converted.location)
            ])
        }
        return mapping
    }

    private func diagnostic(_ problem: QuestionnaireProblem, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(file: file, location: location, keyPath: "", problem: problem)
    }
}

/// Converts Yams' tree, counting every value it visits (an expanded alias counts again each time
/// it is used): returns nil as soon as the count passes `YAMLDocumentLoader.valueLimit`.
private struct NodeConverter {
    var visited = 0
    /// Where the budget ran out: inside the aliased values that blew up.
    var stoppedAt: SourceLocation?

    mutating func convert(_ node: Node, depth: Int) -> YAMLNode? {
        visited += 1
        let location =
            node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
        guard visited <= YAMLDocumentLoader.valueLimit, depth <= YAMLDocumentLoader.depthLimit else {
            stoppedAt = location
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(Self.scalar(scalar, location: location))
        case .mapping(let mapping):
            var entries: [YAMLMapping.Entry] = []
            for (key, value) in mapping {
                // The structure check has rejected every key that is not a scalar.
                guard case .scalar(let keyScalar) = key, let converted = convert(value, depth: depth + 1) else {
                    return nil
                }
                let keyLocation = key.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? location
                entries.append(.init(key: Self.scalar(keyScalar, location: keyLocation), value: converted))
            }
            return .mapping(YAMLMapping(entries: entries, location: location))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                guard let converted = convert(item, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            return .sequence(YAMLSequence(items: items, location: location))
        case .alias:
            // Yams resolves aliases while composing; an unresolved one cannot be typed.
            return nil
        }
    }

    static func scalar(_ scalar: Node.Scalar, location: SourceLocation) -> YAMLScalar {
        YAMLScalar(text: scalar.string, style: scalar.style == .plain ? .plain : .quoted, location: location)
    }
}

/// Turns Yams' errors into diagnostics at the line and column Yams reports.
enum YAMLSyntaxProblem {
    static func diagnostic(for error: any Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(
                file: file, location: nil, keyPath: "", problem: .invalidYAML(problem: "\(error)", context: nil))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, let yaml),
            .parser(let context, let problem, let mark, let yaml),
            .composer(let context, let problem, let mark, let yaml):
            let location = SourceLocation(line: mark.line, column: mark.column)
            let contextText = context.map { "\($0.text) at line \($0.mark.line)" }
            let tab = character(at: location, in: yaml) == "\t"
            return Diagnostic(
                file: file, location: location, keyPath: "",
                problem: .invalidYAML(problem: problem, context: contextText, tab: tab))
        case .reader(let problem, let offset, _, let yaml):
            let location = offset.map { SourceLocation(byteOffset: $0, in: yaml) }
            return Diagnostic(
                file: file, location: location, keyPath: "", problem: .invalidYAML(problem: problem, context: nil))
        default:
            return Diagnostic(
                file: file, location: nil, keyPath: "", problem: .invalidYAML(problem: "\(yamlError)", context: nil))
        }
    }
}

extension YAMLSyntaxProblem {
    /// The Unicode scalar at a 1-based line and column, if there is one.
    static func character(at location: SourceLocation, in text: String) -> Unicode.Scalar? {
        guard
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(location.line - 1).first
        else { return nil }
        return line.unicodeScalars.dropFirst(location.column - 1).first
    }
}

extension SourceLocation {
    /// The line and column (in Unicode scalars) of a UTF-8 byte offset into `text`.
    init(byteOffset: Int, in text: String) {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= byteOffset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.init(line: line, column: column)
    }
}
