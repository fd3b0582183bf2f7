"""The expression evaluator against GitHub's documented semantics."""
import unittest

from realclients.expressions import Evaluator, ExpressionError


def evaluate(source, contexts=None, status=None):
    return Evaluator(contexts or {}, status).evaluate(source)


class ExpressionTests(unittest.TestCase):
    def test_literals_and_loose_equality(self):
        self.assertIs(evaluate("null == false"), True, "null and false are both 0")
        self.assertIs(evaluate("'abc' == 0"), False, "a non-numeric string is NaN")
        self.assertIs(evaluate("'ABC' == 'abc'"), True, "strings compare case-insensitively")
        self.assertIs(evaluate("'1' == 1"), True, "different types compare as numbers")
        self.assertIs(evaluate("'' == 0"), True)
        self.assertIs(evaluate("'it''s' == 'IT''S'"), True)
        self.assertEqual(evaluate("0x10"), 16.0)

    def test_and_or_return_operands(self):
        self.assertEqual(evaluate("'' || 'fallback'"), "fallback")
        self.assertEqual(evaluate("'a' && 'b'"), "b")
        self.assertEqual(evaluate("null && 'b'"), None)

    def test_context_access(self):
        contexts = {"github": {"event": {"workflow_run": {"conclusion": "success"}}}, "needs": {"deploy-staging": {"result": "skipped"}}}
        self.assertEqual(evaluate("github.event.workflow_run.conclusion", contexts), "success")
        self.assertEqual(evaluate("needs.deploy-staging.result", contexts), "skipped")
        self.assertEqual(evaluate("github['event']['workflow_run'].CONCLUSION", contexts), "success")
        self.assertIsNone(evaluate("github.event.missing.deeper", contexts))
        with self.assertRaises(ExpressionError):
            evaluate("unknown.thing", contexts)

    def test_functions(self):
        self.assertIs(evaluate("contains('Hello world', 'WORLD')"), True)
        self.assertIs(evaluate("startsWith('refs/heads/main', 'refs/heads/')"), True)
        self.assertEqual(evaluate("format('{0}-{1}-{{x}}', 'a', 1)"), "a-1-{x}")
        self.assertEqual(evaluate("fromJSON('{\"a\": [1, 2]}').a[1]"), 2)
        with self.assertRaises(ExpressionError):
            evaluate("hashFiles('x')")

    def test_conditions_add_success_unless_a_status_function_is_used(self):
        failed = Evaluator({}, status=lambda name: {"success": False, "always": True, "failure": True, "cancelled": False}[name])
        self.assertFalse(failed.condition("true"))
        self.assertTrue(failed.condition("always()"))
        self.assertTrue(failed.condition("${{ !cancelled() }}"))
        self.assertFalse(failed.condition(None))

    def test_interpolation_keeps_the_type_of_a_whole_expression(self):
        evaluator = Evaluator({"inputs": {"n": 3}})
        self.assertEqual(evaluator.interpolate("${{ inputs.n }}"), 3)
        self.assertEqual(evaluator.interpolate("n=${{ inputs.n }}!"), "n=3!")
        self.assertEqual(evaluator.interpolate("plain"), "plain")

    def test_multiline_condition(self):
        contexts = {"needs": {"resolve": {"result": "success", "outputs": {"environment": "all"}}}}
        condition = ("!cancelled() && needs.resolve.result == 'success' &&\n"
                     "(needs.resolve.outputs.environment == 'all' || needs.resolve.outputs.environment == 'staging')")
        self.assertTrue(Evaluator(contexts).condition(condition))


if __name__ == "__main__":
    unittest.main()
