"""Question-bank formats (GIFT, Moodle XML, Excel), printable papers and certificates."""
