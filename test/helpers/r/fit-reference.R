# Reference figures for test/unit/fit/logistic.test.ts and anova.test.ts, base R only:
#   Rscript test/helpers/r/fit-reference.R glm OUTCOMES.csv
#   Rscript test/helpers/r/fit-reference.R anova GROUPS.csv      (columns: group,value)
# Prints name = value with 17 significant digits.
args <- commandArgs(trailingOnly = TRUE)
out <- function(name, x) cat(sprintf("%s = %.17g\n", name, x))
if (args[1] == "glm") {
  d <- read.csv(args[2])
  # Predictors centred at one half, as the app's model reads them.
  for (v in c("individual", "team", "environment", "leader")) d[[v]] <- d[[v]] - 0.5
  m <- glm(success ~ individual + team + environment + leader, family = binomial, data = d,
           control = glm.control(epsilon = 1e-14, maxit = 100))
  s <- summary(m)$coefficients
  for (i in seq_len(nrow(s))) {
    out(paste0("coef.", i), s[i, 1]); out(paste0("se.", i), s[i, 2]); out(paste0("p.", i), s[i, 4])
  }
  out("deviance", m$deviance); out("null", m$null.deviance); out("aic", m$aic)
} else {
  d <- read.csv(args[2], stringsAsFactors = TRUE)
  a <- anova(lm(value ~ group, data = d))
  out("df.between", a$Df[1]); out("df.within", a$Df[2])
  out("ss.between", a$`Sum Sq`[1]); out("ss.within", a$`Sum Sq`[2])
  out("f", a$`F value`[1]); out("p", a$`Pr(>F)`[1])
}
