/// Text that goes into a Tutor setting which Tutor copies into its templates unescaped.
public enum TutorText {
    /// The organization as Tutor's PLATFORM_NAME. Tutor writes PLATFORM_NAME between double
    /// quotes into YAML (lms.env.yml) and Python (common_all.py), and renders every setting as
    /// a Jinja template first: a `"` or `\` would break both files, and `{{`, `{%` or `{#`
    /// would be read as Jinja. Those are replaced by look-alikes (`”`, `/`, `{ {` ...); any
    /// other character, non-ASCII included, passes through.
    public static func platformName(_ organization: String) -> String {
        var name = organization.replacingOccurrences(of: "\"", with: "\u{201D}")
            .replacingOccurrences(of: "\\", with: "/")
        for opener in ["{{", "{%", "{#"] {
            name = name.replacingOccurrences(of: opener, with: "{ " + opener.dropFirst())
        }
        return name
    }
}
