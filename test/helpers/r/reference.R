# Reference figures for the psychometric engine's cross-checks (docs/psychometrics.md).
# psych 2.2.9 is called directly. careless 1.2.2 is not in Debian: its functions are mirrored below from its
# source (github.com/ryentes/careless, MIT), with resample_na = FALSE and mahad's flag on k = ncol(x) df.
#
# Usage: Rscript reference.R responses.csv keys.csv params.csv out.tsv
#   keys.csv:   item,scale,facet,keyed   (facet may be empty; keyed 1/-1)
#   params.csv: name,value  (min, max, critval, confidence)
#   out.tsv:    name<TAB>value lines, values with 17 significant digits, NA for missing
# Or: Rscript reference.R --export-bfi out.csv   (psych's bfi items, for a cross-check on real-world data)

suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)

if (args[1] == "--export-bfi") {
  x <- psych::bfi[, 1:25]
  write.csv(data.frame(id = rownames(x), x, check.names = FALSE), args[2], row.names = FALSE, na = "NA")
  quit(status = 0)
}

resp <- read.csv(args[1], check.names = FALSE, na.strings = c("", "NA"), colClasses = c("character"))
keys <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = character(0), colClasses = "character")
params <- read.csv(args[3], stringsAsFactors = FALSE)
param <- function(name) as.numeric(params$value[params$name == name])
out <- file(args[4], "w")

emit <- function(name, values) {
  values <- as.numeric(values)
  text <- ifelse(is.na(values), "NA", sprintf("%.17g", values))
  if (length(values) == 1) cat(name, "\t", text, "\n", sep = "", file = out)
  else for (i in seq_along(values)) cat(name, ".", i, "\t", text[i], "\n", sep = "", file = out)
}

X <- sapply(resp[, -1, drop = FALSE], as.numeric)
if (!is.matrix(X)) X <- matrix(X, nrow = nrow(resp))
colnames(X) <- colnames(resp)[-1]
lo <- param("min"); hi <- param("max")
key <- as.numeric(keys$keyed[match(colnames(X), keys$item)])
scaleOf <- keys$scale[match(colnames(X), keys$item)]
facetOf <- keys$facet[match(colnames(X), keys$item)]
S <- X
S[, key < 0] <- (lo + hi) - X[, key < 0]

omega1 <- function(x) {
  if (requireNamespace("GPArotation", quietly = TRUE)) {
    o <- suppressMessages(suppressWarnings(omega(x, nfactors = 1, fm = "minres", plot = FALSE)))
    return(c(o$omega.tot, o$omega_h))
  }
  # Without GPArotation, omega() stops; for one factor it is fa() and the closed forms of omegah().
  m <- cor(x, use = "pairwise")
  g <- suppressMessages(suppressWarnings(fa(m, 1, fm = "minres", rotate = "varimax")))$loadings[, 1]
  k <- sign(g); k[k == 0] <- 1
  Vt <- sum(diag(k) %*% m %*% diag(k))
  c((Vt - sum(1 - g^2)) / Vt, sum(abs(g))^2 / Vt)
}

reliability <- function(prefix, cols) {
  x <- S[, cols, drop = FALSE]
  a <- suppressMessages(suppressWarnings(psych::alpha(x, warnings = FALSE)))
  t <- a$total
  emit(paste0(prefix, ".raw"), t$raw_alpha); emit(paste0(prefix, ".std"), t$std.alpha)
  emit(paste0(prefix, ".g6"), t[["G6(smc)"]]); emit(paste0(prefix, ".averageR"), t$average_r)
  emit(paste0(prefix, ".signalNoise"), t[["S/N"]]); emit(paste0(prefix, ".ase"), t$ase)
  emit(paste0(prefix, ".mean"), t$mean); emit(paste0(prefix, ".sd"), t$sd)
  emit(paste0(prefix, ".medianR"), t$median_r); emit(paste0(prefix, ".varR"), a$var.r)
  emit(paste0(prefix, ".feldtLower"), a$feldt$lower.ci); emit(paste0(prefix, ".feldtUpper"), a$feldt$upper.ci)
  emit(paste0(prefix, ".items"), a$nvar)
  s <- a$item.stats
  items <- sub("-$", "", rownames(s))
  cat(prefix, ".itemIds\t", paste(items, collapse = ","), "\n", sep = "", file = out)
  for (col in c("n", "mean", "sd", "raw.r", "std.r", "r.cor", "r.drop")) emit(paste0(prefix, ".item.", col), s[[col]])
  d <- a$alpha.drop
  for (col in colnames(d)) emit(paste0(prefix, ".drop.", col), d[[col]])
  if (length(cols) >= 3) emit(paste0(prefix, ".omega"), tryCatch(omega1(x), error = function(e) c(NA, NA)))
  emit(paste0(prefix, ".scoreMean"), rowMeans(x, na.rm = TRUE))
}

for (s in unique(scaleOf)) reliability(paste0("scale.", s), which(scaleOf == s))
facets <- unique(facetOf[facetOf != ""])
for (f in facets) reliability(paste0("facet.", f), which(facetOf == f))

# ---- careless 1.2.2, mirrored ----
longstring <- function(x) {
  t(apply(x, 1, function(r) { l <- rle(r)$lengths; c(max(l), mean(l)) }))
}
irv <- function(x) apply(x, 1, stats::sd, na.rm = TRUE)
mahad <- function(x, confidence) {
  complete.na <- apply(x, 1, function(y) all(is.na(y)))
  d <- rep(NA_real_, nrow(x))
  # A singular covariance makes solve() stop, and careless with it: no D² at all.
  d[!complete.na] <- tryCatch(as.numeric(psych::outlier(x[!complete.na, ], plot = FALSE, bad = 0, na.rm = TRUE)), error = function(e) NA_real_)
  list(d = d, flag = d > stats::qchisq(confidence, ncol(x)))
}
evenodd <- function(x, factors) {
  eo_vals <- vector("list", nrow(x))
  for (i in 1:nrow(x)) {
    f <- matrix(rep(NA, 2 * length(factors)), length(factors), ncol = 2)
    start <- 1
    for (j in 1:length(factors)) {
      if (j > 1) start <- start + (factors[j - 1])
      end <- (factors[j] - 1) + start
      s <- x[i, start:end]
      ind <- seq(1:length(colnames(s)))
      e_ind <- which(ind %% 2 == 0)
      o_ind <- which(ind %% 2 == 1)
      f[j, 1] <- mean(t(s[e_ind]), na.rm = TRUE)
      f[j, 2] <- mean(t(s[o_ind]), na.rm = TRUE)
    }
    eo_vals[[i]] <- f
  }
  eo_cor <- sapply(eo_vals, function(f) {
    val <- suppressWarnings(stats::cor(f[, 1], f[, 2], use = "pairwise.complete.obs"))
    val <- (2 * val) / (1 + val)
    if (!is.na(val) && val < -1) val <- -1
    return(val)
  })
  0 - eo_cor
}
get_item_pairs <- function(x, critval = .60, anto = FALSE) {
  critval <- abs(critval)
  correlations <- stats::cor(x, use = "pairwise.complete.obs")
  correlations[upper.tri(correlations, diag = TRUE)] <- NA
  correlations <- as.data.frame(as.table(correlations))
  if (anto == FALSE) item_pair_names <- correlations[which(correlations$Freq > critval, arr.ind = TRUE), c(1, 2)]
  else item_pair_names <- correlations[which(correlations$Freq < -critval, arr.ind = TRUE), c(1, 2)]
  if (nrow(item_pair_names) == 0) stop("No Psychometric Synonyms found.")
  item_pair_names
}
syn_for_one <- function(x, item_pairs) {
  item_pairs_omit_na <- which(!(is.na(x[item_pairs[, 1]]) | is.na(x[item_pairs[, 2]])))
  sum_item_pairs <- length(item_pairs_omit_na)
  if (sum_item_pairs > 2) {
    itemvalues <- cbind(as.numeric(x[as.numeric(item_pairs[, 1])]), as.numeric(x[as.numeric(item_pairs[, 2])]))
    synvalue <- suppressWarnings(stats::cor(itemvalues, use = "pairwise.complete.obs", method = "pearson")[1, 2])
  } else synvalue <- NA
  c(sum_item_pairs, synvalue)
}
psychsyn <- function(x, critval = .60, anto = FALSE) {
  x <- as.matrix(x)
  pairs <- tryCatch(get_item_pairs(x, critval, anto), error = function(e) NULL)
  if (is.null(pairs)) return(rep(NA_real_, nrow(x)))
  synonyms <- apply(x, 1, syn_for_one, pairs)
  as.data.frame(aperm(synonyms))[, 2]
}
psychsyn_critval <- function(x, anto = FALSE) {
  correlations <- stats::cor(x, use = "pairwise.complete.obs")
  correlations[upper.tri(correlations, diag = TRUE)] <- NA
  correlations <- as.data.frame(as.table(correlations))
  correlations[order(correlations$Freq, decreasing = !anto), ]
}

ls <- longstring(X)
emit("careless.longstringMax", ls[, 1]); emit("careless.longstringAvg", ls[, 2])
emit("careless.irv", irv(X))
md <- mahad(X, param("confidence"))
emit("careless.mahalanobis", md$d); emit("careless.mahalanobisFlag", as.numeric(md$flag))
byScale <- order(match(scaleOf, unique(scaleOf)), seq_along(scaleOf))
emit("careless.evenOdd", evenodd(as.data.frame(S[, byScale]), as.vector(table(factor(scaleOf, levels = unique(scaleOf))))))
if (length(facets) > 1) {
  byFacet <- order(match(facetOf, facets), seq_along(facetOf))
  emit("careless.evenOddFacets", evenodd(as.data.frame(S[, byFacet]), as.vector(table(factor(facetOf, levels = facets)))))
}
critval <- param("critval")
emit("careless.psychSyn", psychsyn(X, critval))
emit("careless.psychAnt", psychsyn(X, critval, anto = TRUE))
emit("careless.psychSynScored", psychsyn(S, critval))
top <- head(psychsyn_critval(X), 10)
cat("critval.pairs\t", paste(top$Var1, top$Var2, sep = ":", collapse = ","), "\n", sep = "", file = out)
emit("critval.r", top$Freq)
topAnt <- head(psychsyn_critval(X, anto = TRUE), 10)
cat("critvalAnt.pairs\t", paste(topAnt$Var1, topAnt$Var2, sep = ":", collapse = ","), "\n", sep = "", file = out)
close(out)
