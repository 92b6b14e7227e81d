# A method that strings do not have.
"abc".reverse()
