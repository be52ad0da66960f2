#pragma once
// Placeholder: being written now; replaced before anything lands.
