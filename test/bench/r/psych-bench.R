# The R side of test/bench/psychometrics.bench.ts: psych::alpha per scale and facet, plus scoreItems, on the
# same data. Prints the elapsed seconds of that work alone (reading the CSV is not timed).
# Usage: Rscript psych-bench.R responses.csv keys.csv
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
X <- as.matrix(read.csv(args[1], check.names = FALSE, na.strings = c("", "NA"))[, -1])
keys <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = character(0), colClasses = "character")
key <- as.numeric(keys$keyed[match(colnames(X), keys$item)])
scaleOf <- keys$scale[match(colnames(X), keys$item)]
facetOf <- keys$facet[match(colnames(X), keys$item)]
S <- X
S[, key < 0] <- 6 - X[, key < 0]
groups <- c(split(seq_along(scaleOf), scaleOf), split(seq_along(facetOf), facetOf))
keyList <- lapply(groups, function(cols) ifelse(key[cols] < 0, paste0("-", colnames(X)[cols]), colnames(X)[cols]))
elapsed <- system.time({
  for (cols in groups) suppressMessages(suppressWarnings(psych::alpha(S[, cols], warnings = FALSE)))
  scores <- suppressMessages(suppressWarnings(psych::scoreItems(keyList, X, min = 1, max = 5)))
})[["elapsed"]]
cat(sprintf("%.3f\n", elapsed))
