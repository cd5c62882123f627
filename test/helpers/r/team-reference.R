# Reference figures for test/unit/team/known-answers.test.ts, computed with base R only (R 4.2.2):
#   Rscript test/helpers/r/team-reference.R
# Prints name = value with 17 significant digits; the test holds the engine to them.
raw <- rbind(
  m1 = c(N = 2.5, E = 3.4, O = 3.9, A = 4.1, C = 3.8),
  m2 = c(N = 3.1, E = 2.9, O = 3.2, A = 3.6, C = 4.2),
  m3 = c(N = 2.2, E = 4.0, O = 3.5, A = 2.7, C = 3.1),
  m4 = c(N = 3.6, E = 3.1, O = 4.4, A = 3.9, C = 2.9),
  m5 = c(N = 2.8, E = 3.7, O = 2.8, A = 4.4, C = 3.6)
)
mu <- c(N = 2.9, E = 3.4, O = 3.6, A = 3.8, C = 3.5)
sigma <- c(N = 0.7, E = 0.6, O = 0.6, A = 0.55, C = 0.6)
z <- sweep(sweep(raw, 2, mu), 2, sigma, "/")
out <- function(name, x) cat(sprintf("%s = %.17g\n", name, x))
stats <- function(prefix, x) {
  n <- length(x)
  out(paste0(prefix, ".mean"), mean(x)); out(paste0(prefix, ".sd"), sd(x))
  out(paste0(prefix, ".sdPop"), sqrt(sum((x - mean(x))^2) / n))
  out(paste0(prefix, ".min"), min(x)); out(paste0(prefix, ".max"), max(x)); out(paste0(prefix, ".range"), max(x) - min(x))
}
for (s in colnames(raw)) { stats(paste0("raw.", s), raw[, s]); stats(paste0("z.", s), z[, s]) }
for (i in rownames(z)) {
  m <- colMeans(z[rownames(z) != i, , drop = FALSE])
  out(paste0("fit.", i, ".distance"), sqrt(sum((z[i, ] - m)^2)))
  out(paste0("fit.", i, ".profileR"), cor(z[i, ], m))
}
n <- nrow(z)
# harmony-v1: trait, statistic, weight
comp <- list(
  list(id = "agreeableness-mean", x = z[, "A"], stat = "mean", w = 0.24),
  list(id = "conscientiousness-mean", x = z[, "C"], stat = "mean", w = 0.20),
  list(id = "agreeableness-spread", x = z[, "A"], stat = "sd", w = 0.12),
  list(id = "conscientiousness-spread", x = z[, "C"], stat = "sd", w = 0.24),
  list(id = "agreeableness-minimum", x = z[, "A"], stat = "min", w = 0.12),
  list(id = "emotional-stability-mean", x = -z[, "N"], stat = "mean", w = 0.04),
  list(id = "emotional-stability-minimum", x = -z[, "N"], stat = "min", w = 0.04)
)
score <- 0
for (c in comp) {
  value <- switch(c$stat, mean = mean(c$x), sd = sd(c$x), min = min(c$x))
  sub <- switch(c$stat,
    mean = 100 * pnorm(sqrt(n) * value),
    sd = 100 * (1 - pchisq((n - 1) * value^2, n - 1)),
    min = 100 * (1 - (1 - pnorm(value))^n))
  out(paste0("harmony.", c$id, ".value"), value)
  out(paste0("harmony.", c$id, ".subScore"), sub)
  out(paste0("harmony.", c$id, ".contribution"), c$w * sub)
  score <- score + c$w * sub
}
out("harmony.score", score)
out("apart.cut", qchisq(0.95, 5))
