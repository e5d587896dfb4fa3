# spdep's localmoran_perm on the values and neighbours that lisaAgreement.ts writes, twice with
# different seeds: how often two runs of R itself agree is the ceiling for hexreach's agreement.
# Run by lisaAgreement.ts:  Rscript lisaAgreement.R DIR  (DIR holds values.json, neighbors.json).
# Debian 12 packages: r-base-core (R 4.2.2), r-cran-spdep (1.2-7), r-cran-jsonlite.
suppressPackageStartupMessages({
  library(spdep); library(jsonlite)
})
dir <- commandArgs(trailingOnly = TRUE)[1]
x <- fromJSON(file.path(dir, "values.json"))
nb0 <- fromJSON(file.path(dir, "neighbors.json"), simplifyVector = FALSE)
nb <- lapply(nb0, function(v) if (length(v) == 0) 0L else as.integer(unlist(v)) + 1L)
class(nb) <- "nb"
attr(nb, "region.id") <- as.character(seq_along(nb))
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
p_of <- function(seed) {
  lm <- localmoran_perm(x, lw, nsim = 999, iseed = seed, zero.policy = TRUE)
  as.numeric(lm[, "Pr(z != E(Ii)) Sim"])
}
write_json(list(seed1 = p_of(1), seed2 = p_of(2)), file.path(dir, "p.json"), digits = NA)
