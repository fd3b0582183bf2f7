/// AWS tag values allow letters, numbers, spaces and `_ . : / = + - @`, up to 256 characters;
/// the organization's free text becomes one (the `Organization` default tag) by dropping
/// anything else and collapsing spaces.
public enum TagValue {
    public static let maximumLength = 256
    private static let allowedPunctuation: Set<Character> = ["_", ".", ":", "/", "=", "+", "-", "@"]

    public static func sanitized(_ text: String, fallback: String) -> String {
        let kept = text.map { character -> Character in
            if character.isLetter || character.isNumber || allowedPunctuation.contains(character) { return character }
            return " "
        }
        let words = String(kept).split(separator: " ", omittingEmptySubsequences: true)
        let value = String(words.joined(separator: " ").prefix(maximumLength))
            .trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? fallback : value
    }
}
