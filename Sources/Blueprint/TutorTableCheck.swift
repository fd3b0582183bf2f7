import BlueprintData
import Questionnaire

/// The blueprint's Tutor table must lock every release stamp supports: exact `name==version`
/// lines only (the workflows install nothing else), Tutor and each plugin at its pinned version.
struct TutorTableCheck {
    var table: [String: TutorRelease]

    func check() throws {
        for release in Release.allCases {
            guard let row = table[release.rawValue] else {
                throw BlueprintError.invalidManifest(
                    path: "blueprint.yaml", reason: "the tutor table has no row for release \(release.rawValue)")
            }
            try check(row, release: release.rawValue)
        }
    }

    private func check(_ row: TutorRelease, release: String) throws {
        let pins = Dictionary(
            row.requirements.compactMap(Self.pin).map { ($0.name.lowercased(), $0.version) }, uniquingKeysWith: { $1 })
        if let line = row.requirements.first(where: { Self.pin($0) == nil }) {
            throw BlueprintError.invalidManifest(
                path: "blueprint.yaml",
                reason: "tutor.\(release).requirements: `\(line)` is not an exact name==version pin")
        }
        for (name, version) in [("tutor", row.version)] + row.plugins.sorted(by: { $0.key < $1.key })
        where pins[name.lowercased()] != version {
            throw BlueprintError.invalidManifest(
                path: "blueprint.yaml",
                reason: "tutor.\(release).requirements does not pin \(name)==\(version) (run scripts/lock-tutor)")
        }
    }

    /// `name==version` with a PyPI project name and a plain version; nil for anything else.
    static func pin(_ line: String) -> (name: String, version: String)? {
        let parts = line.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty, !parts[0].isEmpty, !parts[2].isEmpty,
            parts[0].allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }),
            parts[2].allSatisfy({ $0.isLetter || $0.isNumber || ".+!_-".contains($0) })
        else { return nil }
        return (String(parts[0]), String(parts[2]))
    }
}
