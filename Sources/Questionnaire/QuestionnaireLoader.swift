import Foundation

/// A questionnaire that read and validated cleanly, with where each key and value stood.
public struct LoadedQuestionnaire: Sendable {
    public var answers: Answers
    public var sourceMap: SourceMap

    public init(answers: Answers, sourceMap: SourceMap) {
        self.answers = answers
        self.sourceMap = sourceMap
    }
}

/// The questionnaire file could not be read at all (SPEC §1: an I/O failure, exit code 3),
/// as opposed to a `QuestionnaireError`, where it was read and is wrong (exit code 2).
public struct QuestionnaireReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notFound
        case isDirectory
        case unreadable(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound: "\(path): error: no such file (run `stamp init` to write a questionnaire)"
        case .isDirectory: "\(path): error: is a directory, not a questionnaire file"
        case .unreadable(let detail): "\(path): error: cannot read the file: \(detail)"
        }
    }
}

/// Reads `stamp.yaml` (SPEC §2): YAML, then types and defaults, then every rule. Throws one
/// `QuestionnaireError` holding every problem, in document order.
public struct QuestionnaireLoader: Sendable {
    public init() {}

    /// Reads and validates the file at `path`; diagnostics name the file as `path` was given.
    public func load(contentsOf path: String) throws -> LoadedQuestionnaire {
        let data = try read(path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
        return try load(data: data, file: path, fileSize: max(size, data.count))
    }

    /// Checks the size (before anything else) and the encoding, then loads the text.
    func load(data: Data, file: String, fileSize: Int? = nil) throws -> LoadedQuestionnaire {
        guard data.count <= YAMLDocumentLoader.byteLimit else {
            throw QuestionnaireError([
                Diagnostic(
                    file: file, location: nil, keyPath: "",
                    problem: .fileTooLarge(bytes: fileSize ?? data.count, limit: YAMLDocumentLoader.byteLimit))
            ])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw QuestionnaireError([
                Diagnostic(
                    file: file, location: Self.firstInvalidUTF8(in: data), keyPath: "", problem: .notUTF8)
            ])
        }
        return try load(yaml: text, file: file)
    }

    /// Validates `yaml`; diagnostics name it `file`.
    public func load(yaml: String, file: String) throws -> LoadedQuestionnaire {
        let root = try YAMLDocumentLoader(file: file).load(yaml)
        var decoder = QuestionnaireDecoder(file: file)
        let answers = decoder.decode(root)
        let problems =
            decoder.diagnostics
            + QuestionnaireValidator().validate(
                answers, sourceMap: decoder.sourceMap, file: file, unusable: decoder.unusable,
                defaulted: decoder.defaulted)
        guard problems.isEmpty else { throw QuestionnaireError(problems.sortedByLocation()) }
        return LoadedQuestionnaire(answers: answers, sourceMap: decoder.sourceMap)
    }

    /// At most one byte past the limit: enough to know the file is too large without reading
    /// all of a huge one.
    private func read(_ path: String) throws(QuestionnaireReadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw QuestionnaireReadError(path: path, reason: .notFound)
        }
        guard !isDirectory.boolValue else { throw QuestionnaireReadError(path: path, reason: .isDirectory) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw QuestionnaireReadError(path: path, reason: .unreadable("permission denied"))
        }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: YAMLDocumentLoader.byteLimit + 1) ?? Data()
        } catch {
            throw QuestionnaireReadError(path: path, reason: .unreadable(error.localizedDescription))
        }
    }

    /// Line and column (in characters decoded so far) of the first byte that is not UTF-8.
    static func firstInvalidUTF8(in data: Data) -> SourceLocation {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if UTF8.decode(encoded) == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error, .emptyInput:
                return SourceLocation(line: line, column: column)
            }
        }
    }
}
