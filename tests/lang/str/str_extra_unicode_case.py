# Case mapping beyond ASCII: special casing, final sigma, title case letters.
print("straße".upper(), "STRASSE".lower(), "straße".casefold())
print("ΟΔΟΣ ΣΑΣ".lower(), "Σ".lower(), "aΣb".lower(), "ΑΣ.".lower())
print("İstanbul".lower(), len("İstanbul".lower()))
print("ǅemal ǆ".title(), "ǆemal".capitalize(), "ǅ".swapcase())
print("ﬁne ﬂow".upper(), "ﬁne".title())
print("héllo wörld".title(), "ÉCOLE normale".capitalize(), "ÀéÎõ".swapcase())
print("ŉ".upper(), "ΐ".upper())
print("Ⓐⓑ".lower(), "Ⓐⓑ".upper(), "Ⓐⓑ".isupper(), "ⓑ".islower())
