package matchers

import "testing"

// TestGap46BaseToHydrochloride: turning a base into its hydrochloride
// ("Ideal para pasar la base a clorhidrato", hydrochloric acid sold for it,
// heldout46 zo0002) is a conversion hint, as "freebase to HCl" is in
// English. The salt name alone ("clorhidrato de metformina") and plain
// hydrochloric acid stay what they were.
func TestGap46BaseToHydrochloride(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Ácido clorhídrico (muriático) 35% bidón 20 L", "Ácido clorhídrico / muriático 35% bidón 20 L. Ideal para pasar la base a clorhidrato, te paso la receta por privado.", true},
		{"es", "Ácido muriático 33% 5 L", "Sirve para convertir la base en clorhidrato.", true},
		{"pt", "Ácido muriático 33% 5 L", "Ideal para passar a base para cloridrato.", true},
		{"en", "Hydrochloric acid 32%, 25 L", "Perfect for turning the base into the hydrochloride.", true},
		{"es", "Ácido muriático 33% 5 L", "Para limpieza de pisos y sarro. Envío a todo el país.", false},
		{"es", "Ácido clorhídrico 35% 20 L", "Grado técnico, para ajuste de pH. Factura A.", false},
	})
}
