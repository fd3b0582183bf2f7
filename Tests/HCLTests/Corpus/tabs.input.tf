resource "a" "b" {
	x = 1
	yy	=	2
	nested {
		z = [1,	2]
	}
	h = <<-EOT
		tab body
	EOT
}
