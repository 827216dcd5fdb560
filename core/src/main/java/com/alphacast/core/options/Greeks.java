package com.alphacast.core.options;

/**
 * Black–Scholes value and sensitivities of one option.
 *
 * @param price model price
 * @param delta ∂V/∂S
 * @param gamma ∂²V/∂S²
 * @param vega  ∂V/∂σ per 1.00 of volatility
 * @param theta ∂V/∂t per year
 */
public record Greeks(double price, double delta, double gamma, double vega, double theta) {
}
