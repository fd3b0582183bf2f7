locals {
  labels = {
    "café" = 1
    "日本語"  = 2
    ascii  = 3
  }
  emoji = "🚀 launch" # rocket
  plain = "x"        # plain
}
