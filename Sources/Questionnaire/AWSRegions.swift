/// The commercial AWS regions stamp knows, with the letters of their availability zones
/// (`us-east-1` + `a` = `us-east-1a`). Zone names are per-account aliases in AWS, but every
/// account sees these letters; a count `N` in the questionnaire means the first N in letter order.
public enum AWSRegions {
    /// Region name -> zone letters, in letter order.
    public static let zoneLetters: [String: [Character]] = {
        let abc: [Character] = ["a", "b", "c"]
        var table: [String: [Character]] = [:]
        for region in [
            "us-east-2", "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ap-northeast-3", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2",
            "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
        ] {
            table[region] = abc
        }
        table["us-east-1"] = ["a", "b", "c", "d", "e", "f"]
        table["us-west-1"] = ["a", "c"]
        table["us-west-2"] = ["a", "b", "c", "d"]
        table["ap-northeast-1"] = ["a", "c", "d"]
        table["ap-northeast-2"] = ["a", "b", "c", "d"]
        table["ca-central-1"] = ["a", "b", "d"]
        return table
    }()

    /// Every known region, sorted (for did-you-mean and the README).
    public static var names: [String] { zoneLetters.keys.sorted() }

    /// The region's zone names in letter order; nil for a region stamp does not know.
    public static func zones(of region: String) -> [String]? {
        zoneLetters[region].map { $0.map { "\(region)\($0)" } }
    }

    /// The region's code in zone IDs (`us-east-1` -> `use1`, `ap-southeast-4` -> `apse4`).
    public static func zoneIDPrefix(of region: String) -> String? {
        let parts = region.split(separator: "-")
        let directions = [
            "east": "e", "west": "w", "north": "n", "south": "s", "central": "c",
            "southeast": "se", "northeast": "ne", "southwest": "sw", "northwest": "nw",
        ]
        guard parts.count == 3, let direction = directions[String(parts[1])] else { return nil }
        return "\(parts[0])\(direction)\(parts[2])"
    }

    /// Whether `zone` has the form of a zone ID (`use1-az1`) rather than a zone name.
    public static func isZoneID(_ zone: String) -> Bool {
        zone.wholeMatch(of: /[a-z]+[0-9]+-az[0-9]+/) != nil
    }

    /// The partition of a region name stamp cannot serve ("GovCloud", "China", "ISO"), if it looks like one.
    static func otherPartition(of region: String) -> String? {
        if region.hasPrefix("us-gov-") { return "GovCloud (US)" }
        if region.hasPrefix("cn-") { return "China" }
        if region.contains("-iso") { return "isolated (ISO)" }
        if region.hasPrefix("eusc-") { return "European Sovereign Cloud" }
        return nil
    }
}
