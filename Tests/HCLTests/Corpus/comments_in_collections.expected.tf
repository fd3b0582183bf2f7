locals {
  list = [
    # leading comment in list
    "a",  # trailing a
    "bb", # trailing bb
    // slash
    "c",
  ]
  obj = {
    # about key
    key       = "v" # trailing
    other_key = "w" # trailing 2
  }
}
