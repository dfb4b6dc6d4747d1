"""A trainee's figures, computed in one place for every page and rule that shows or checks them."""
