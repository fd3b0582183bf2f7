locals {
  quote = "say \"hi\""
  backslash = "C:\\path\\to"
  literal_interp = "$${not_interpolated}"
  literal_directive = "%%{not_a_directive}"
  newline = "line1\nline2\ttabbed"
  unicode = "caf\u00e9 \U0001F600"
  dollar = "cost: $5 and 100%"
  mixed = "a \"${var.b}\" c"
  spaces_inside = "   keep   these   spaces   "
}
