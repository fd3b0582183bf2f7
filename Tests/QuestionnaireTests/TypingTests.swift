import Testing

@testable import Questionnaire

/// stamp types scalars itself: booleans are `true`/`false` only, numbers plain decimals, and
/// text stays as written.
struct TypingTests {
    static func services(_ value: String) -> [Diagnostic] {
        YAMLSafetyTests.problems(YAMLSafetyTests.valid + "services:\n  waf: \(value)\n")
    }

    @Test func onlyUnquotedTrueAndFalseAreBooleans() throws {
        #expect(Self.services("true").isEmpty)
        #expect(Self.services("false").isEmpty)
        let answers = try QuestionnaireLoader().load(
            yaml: YAMLSafetyTests.valid + "services:\n  waf: false\n", file: "s"
        ).answers
        #expect(answers.services.waf == false)
    }

    @Test(arguments: [
        ("\"true\"", "expected `true` or `false`, found `\"true\"` (write `true` without quotes)"),
        ("'false'", "expected `true` or `false`, found `\"false\"` (write `false` without quotes)"),
        ("yes", "expected `true` or `false`, found `yes` (write `true`)"),
        ("True", "expected `true` or `false`, found `True` (write `true`)"),
        ("on", "expected `true` or `false`, found `on` (write `true`)"),
        ("1", "expected `true` or `false`, found `1` (write `true`)"),
        ("0", "expected `true` or `false`, found `0` (write `false`)"),
        ("~", "expected `true` or `false`, found nothing"),
        ("maybe", "expected `true` or `false`, found `maybe` (write `true` or `false`)"),
        ("{ a: 1 }", "expected `true` or `false`, found a mapping"),
    ])
    func otherSpellingsAreTypeErrorsWithAHint(value: String, expected: String) {
        let problems = Self.services(value)
        if value == "~" {
            // An optional key without a value keeps its default.
            #expect(problems.isEmpty)
            return
        }
        #expect(problems.map { "\($0.message)\($0.hint.map { " (\($0))" } ?? "")" } == [expected])
        #expect(problems.map(\.keyPath) == ["services.waf"])
    }

    @Test(
        arguments: [
            ("\"2\"", "expected a whole number, found `\"2\"`", "remove the quotes"),
            ("02", "expected a whole number, found `02`", "write it without leading zeros"),
            ("2.0", "expected a whole number, found `2.0`", nil),
            ("0x2", "expected a whole number, found `0x2`", nil),
            ("99999999999999999999", "expected a whole number, found `99999999999999999999`", nil),
        ] as [(String, String, String?)])
    func numbersArePlainDecimals(value: String, message: String, hint: String?) {
        let problems = YAMLSafetyTests.problems(
            YAMLSafetyTests.valid.replacingOccurrences(
                of: "{ size: medium }", with: "{ size: medium, availability_zones: \(value) }"))
        #expect(problems.map(\.message) == [message])
        #expect(problems.map(\.hint) == [hint])
    }

    @Test func didYouMeanPicksTheClosestCandidate() {
        #expect(DidYouMean.suggestion(for: "meduim", among: SizePreset.allCases.map(\.rawValue)) == "medium")
        #expect(DidYouMean.suggestion(for: "Large", among: SizePreset.allCases.map(\.rawValue)) == "large")
        #expect(DidYouMean.suggestion(for: "huge", among: SizePreset.allCases.map(\.rawValue)) == nil)
        #expect(DidYouMean.suggestion(for: "eu-west1", among: AWSRegions.names) == "eu-west-1")
        #expect(DidYouMean.suggestion(for: "servics", among: QuestionnaireDecoder.rootKeys) == "services")
        #expect(DidYouMean.suggestion(for: "x", among: QuestionnaireDecoder.rootKeys) == nil)
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
    }

    @Test func unknownKeysAtEveryLevelGetADidYouMean() {
        let yaml =
            YAMLSafetyTests.valid
            .replacingOccurrences(of: "name: acme,", with: "nmae: acme, name: acme,")
            .replacingOccurrences(of: "{ size: medium }", with: "{ size: medium, protect: true }")
            + "sizes:\n  larg: {}\n  small: { eks_max_node: 3 }\n"
        #expect(
            YAMLSafetyTests.problems(yaml).map { "\($0.keyPath): \($0.hint ?? "")" } == [
                "project.nmae: did you mean `name`?",
                "environments.production.protect: did you mean `protected`?",
                "sizes.larg: did you mean `large`?",
                "sizes.small.eks_max_node: did you mean `eks_max_nodes`?",
            ])
    }

    @Test func enumValuesGetADidYouMean() {
        let yaml =
            YAMLSafetyTests.valid
            .replacingOccurrences(of: "us-east-1", with: "us-est-1")
            .replacingOccurrences(of: "[{ name: main }]", with: "[{ name: main, release: ulmoo }]")
            + "services: { mongodb: extrenal }\n"
        #expect(
            YAMLSafetyTests.problems(yaml).map(\.hint) == [
                "did you mean `us-east-1`?", "did you mean `ulmo`?", "did you mean `external`?",
            ])
    }
}
