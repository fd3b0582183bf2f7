# Leading hash comment
// Leading slash comment
/* Block comment */
/*
 * Multi-line block comment
 */
resource "aws_instance" "web" { # after brace
  # inside comment
  // badly indented comment
  ami   = "x" # trailing hash
  count = 1   // trailing slash
  type  = "t3" /* trailing block */
  /* block
     spanning lines */
  name = "n"
}

# Comment between blocks

# Another one
resource "aws_instance" "db" {
  ami = "y"
}
# Final comment
