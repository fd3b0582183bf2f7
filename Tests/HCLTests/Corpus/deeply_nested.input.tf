locals {
  deep = {
    a = {
      b = {
        c = [
          {
            d = [1, 2, {
              e = "f"
            }]
          },
        ]
      }
    }
  }
}
