/// The text rules of SPEC §2 and §5, as predicates that say why a value fails.
enum NameRules {
    /// `^[a-z][a-z0-9-]{1,14}[a-z0-9]$` without `--`: it starts every AWS name (SPEC §5).
    static func isProjectName(_ name: String) -> Bool {
        isSlug(name, length: 3...16, hyphens: true)
    }

    /// `^[a-z][a-z0-9]{1,9}$`: a DNS label and part of every AWS name of the environment.
    /// Names the generated repository already uses for something else (the GitHub environment
    /// that applies `terraform/global`).
    static let reservedEnvironmentNames: Set<String> = ["global"]

    static func isEnvironmentName(_ name: String) -> Bool {
        isSlug(name, length: 2...10, hyphens: false)
    }

    /// `^[a-z][a-z0-9-]{0,10}[a-z0-9]$` without `--`.
    static func isInstanceName(_ name: String) -> Bool {
        isSlug(name, length: 2...12, hyphens: true)
    }

    private static func isSlug(_ name: String, length: ClosedRange<Int>, hyphens: Bool) -> Bool {
        let characters = Array(name.unicodeScalars)
        guard length.contains(characters.count), let first = characters.first, let last = characters.last,
            ("a"..."z").contains(first), ("a"..."z").contains(last) || ("0"..."9").contains(last)
        else { return false }
        let allowed = characters.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || (hyphens && $0 == "-")
        }
        return allowed && !name.contains("--")
    }

    /// A valid name close to `name` (lowercased, other characters as `-`), if there is one.
    static func suggestedSlug(_ name: String, maxLength: Int, hyphens: Bool, isValid: (String) -> Bool) -> String? {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if hyphens, !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while let first = slug.first, !first.isLetter { slug.removeFirst() }
        slug = String(slug.prefix(maxLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug != name && isValid(slug) ? slug : nil
    }

    /// Why `name` is not a lowercase DNS name (labels of `a-z0-9-`, not starting or ending with
    /// `-`, each at most 63 characters, at most 253 in all, at least `minimumLabels`), or nil.
    static func dnsNameProblem(_ name: String, minimumLabels: Int) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.contains("://") { return "write the name alone, without `https://`" }
        if name.hasSuffix(".") { return "remove the trailing dot" }
        if name.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) { return "use lowercase letters" }
        if name.count > 253 { return "it is \(name.count) characters; DNS allows 253" }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            if label.isEmpty { return "it has an empty label (`..`)" }
            if label.count > 63 {
                return "the label `\(label.prefix(20))...` is \(label.count) characters; DNS allows 63"
            }
            if !label.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                return "the label `\(String(label).escapedForMessage)` may use only a-z, 0-9 and `-`"
            }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "the label `\(label)` starts or ends with `-`" }
        }
        if labels.count < minimumLabels { return "it needs at least \(minimumLabels) labels, e.g. `learn.example.com`" }
        return nil
    }

    /// A valid DNS name close to `name` (lowercased, scheme and trailing dot removed), if there is one.
    static func suggestedDNSName(_ name: String, minimumLabels: Int) -> String? {
        var candidate = name.lowercased()
        if let scheme = candidate.range(of: "://") { candidate = String(candidate[scheme.upperBound...]) }
        while candidate.hasSuffix(".") || candidate.hasSuffix("/") { candidate.removeLast() }
        return candidate != name && dnsNameProblem(candidate, minimumLabels: minimumLabels) == nil ? candidate : nil
    }

    /// A plausible e-mail address: `local@domain`, the domain a DNS name of two labels or more.
    static func isEmail(_ value: String) -> Bool {
        guard let at = value.lastIndex(of: "@") else { return false }
        let local = value[..<at]
        let domain = value[value.index(after: at)...].lowercased()
        let specials = Set("!#$%&'*+/=?^_`{|}~.-".unicodeScalars)
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            local.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || specials.contains($0))
            })
        else { return false }
        return dnsNameProblem(domain, minimumLabels: 2) == nil
    }

    /// `OWNER/NAME` as GitHub allows them: the owner 1-39 letters, digits and single inner
    /// hyphens; the name 1-100 letters, digits, `.`, `_`, `-`, not `.` or `..`, without `.git`.
    static func isRepository(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let owner = parts[0]
        let name = parts[1]
        let ownerOK =
            (1...39).contains(owner.count) && !owner.hasPrefix("-") && !owner.hasSuffix("-") && !owner.contains("--")
            && owner.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }
        let nameOK =
            (1...100).contains(name.count) && name != "." && name != ".." && !name.lowercased().hasSuffix(".git")
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }
        return ownerOK && nameOK
    }

    /// `OWNER/NAME` from a URL or a name ending in `.git`, if that is what was written.
    static func suggestedRepository(_ value: String) -> String? {
        var candidate = value
        for prefix in ["https://github.com/", "http://github.com/", "git@github.com:", "github.com/"]
        where candidate.hasPrefix(prefix) {
            candidate.removeFirst(prefix.count)
        }
        while candidate.hasSuffix("/") { candidate.removeLast() }
        if candidate.lowercased().hasSuffix(".git") { candidate.removeLast(4) }
        return candidate != value && isRepository(candidate) ? candidate : nil
    }

    /// Why `name` is not a branch name git accepts (`git check-ref-format --branch`), or nil.
    static func branchProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.unicodeScalars.contains(where: {
            $0.value < 0x20 || $0.value == 0x7f || " ~^:?*[\\".unicodeScalars.contains($0)
        }) {
            return "it may not contain spaces, control characters or any of ~ ^ : ? * [ \\"
        }
        if name.contains("..") { return "it may not contain `..`" }
        if name.contains("@{") || name == "@" { return "it may not be `@` or contain `@{`" }
        if name.hasPrefix("-") { return "it may not start with `-`" }
        if name.hasPrefix("/") || name.hasSuffix("/") || name.contains("//") {
            return "it may not start or end with `/` or contain `//`"
        }
        if name.hasSuffix(".") { return "it may not end with `.`" }
        if name.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".lock") }) {
            return "no part may start with `.` or end with `.lock`"
        }
        return nil
    }

    /// `^Z[A-Z0-9]{1,31}$`, Route 53's hosted zone ids.
    static func isHostedZoneID(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        return (2...32).contains(scalars.count) && scalars[0] == "Z"
            && scalars.dropFirst().allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Exactly 12 ASCII digits.
    static func isAccountID(_ value: String) -> Bool {
        value.count == 12 && value.allSatisfy(\.isASCIIDigit)
    }
}
