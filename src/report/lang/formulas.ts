// The formulas and references of the Method section: the same in every language.
/** Formulas are the same in every language. */
export const FORMULA = {
  k: 'k = min_j f_j   (f_j: records in class j)',
  uniques: 'sample uniques = c_1 = number of classes with f_j = 1;   records below k = sum of f_j over classes with f_j < k',
  prosecutor: 'risk of a record = 1 / f_j;   highest = 1 / min_j f_j;   average = (1/n) sum over records of 1/f_j = J / n',
  l: 'distinct l = min_E m_E;   entropy l = exp(min_E H_E), H_E = -sum_s q_s ln q_s;   recursive (c,l): r_1 < c (r_l + ... + r_m)',
  t: 'equal: EMD = 1/2 sum_s |q_s - p_s|;   ordered: EMD = 1/(m-1) sum_i |sum_{k<=i} (q_k - p_k)|;   t = max_E EMD(P_E, Q)',
  population: 'N = n / pi;   Pitman (pi <= 0.1), else min(Zayatz, SNB);   sdcMicro: p = f_j / F^_j, r = p/(1-p) ln(1/p) ' +
    '(f = 1), p/(1-p) - (p/(1-p))^2 ln(1/p) (f = 2), p / (f - (1-p)) (f >= 3);   journalist 1 / F_j;   marketer (1/n) sum_j f_j / F_j',
  persons: 'class size = distinct persons;   risk of a person = max over their rows of 1 / (persons in the class)',
  loss: 'LM(cell) = (values under its class - 1) / (distinct values - 1), suppressed cell = 1;   ' +
    'precision = 1 - mean(level / height);   discernibility = sum_j f_j^2 + n x suppressed',
}

export const REF = {
  k: 'L. Sweeney, Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 10(5), 2002. ARX, sdcMicro, pycanon.',
  prosecutor: "El Emam & Dankar, JAMIA 15(5), 2008; ARX's sample-based risk summary.",
  l: 'Machanavajjhala, Kifer, Gehrke, Venkitasubramaniam, ACM TKDD 1(1), 2007.',
  t: 'N. Li, T. Li, S. Venkatasubramanian, ICDE 2007.',
  loss: 'Iyengar, KDD 2002 (LM, ARX "Loss"); Sweeney 2002 (precision); Bayardo & Agrawal, ICDE 2005 (discernibility).',
  population: 'Hoshino, J. Off. Stat. 17(4), 2001 (Pitman); Zayatz 1991; Chen & Keller-McNulty, J. Off. Stat. 14(1), 1998 ' +
    '(SNB); Dankar et al., BMC Med. Inform. Decis. Mak. 12:66, 2012 (the rule); Benedetti & Franconi, sdcMicro (individual ' +
    'risk); El Emam & Dankar, JAMIA 15(5), 2008 (journalist, marketer). Pitman matches ARX on Adult.',
  persons: 'risk-definitions.md, "Several rows per person".',
}
